package dev.docent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The one {@link Embedder} the module contributes, as the settings choose it. */
class EmbeddersTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Module.class);

    @Test
    void withNothingSetTheDefaultModelEmbedsInProcess() {
        context.run(beans -> {
            assertThat(beans).getBean(Embedder.class).isInstanceOf(InProcessEmbedder.class);
            assertThat(beans.getBean(Embedder.class).id()).isEqualTo("all-minilm-l6-v2-q");
        });
    }

    @Test
    void theOtherInProcessModelIsChosenByName() {
        context.withPropertyValues("docent.embedding.model=bge-small-en-v15-q").run(beans ->
                assertThat(beans.getBean(Embedder.class).id()).isEqualTo("bge-small-en-v15-q"));
    }

    @Test
    void anEndpointIsChosenWithOpenAi() {
        context.withPropertyValues("docent.embedding.model=openai", "docent.embedding.base-url=http://vllm:8000/v1",
                "docent.embedding.model-name=bge-m3", "docent.embedding.dimension=1024").run(beans -> {
            assertThat(beans).getBean(Embedder.class).isInstanceOf(OpenAiEmbedder.class);
            assertThat(beans.getBean(Embedder.class).id()).isEqualTo("openai:bge-m3:1024");
            assertThat(beans.getBean(Embedder.class).dimension()).isEqualTo(1024);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddingSettings.class)
    @Import(Embedders.class)
    static class Module {
    }
}
