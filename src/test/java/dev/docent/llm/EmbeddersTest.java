package dev.docent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.llm.embedding.InProcessEmbedder;
import dev.docent.llm.embedding.OpenAiEmbedder;
import dev.docent.llm.settings.InvalidLlmSettingsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

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
        context.withPropertyValues("docent.embedding.model=bge-small-en-v15-q")
            .run(beans -> assertThat(beans.getBean(Embedder.class).id()).isEqualTo("bge-small-en-v15-q"));
    }

    /**
     * The default build's jar leaves bge out; the tests' classpath has it, so it is
     * hidden here.
     */
    @Test
    void aModelWhoseJarIsMissingStopsTheStartSayingHowToGetIt() {
        context.withClassLoader(new FilteredClassLoader(new ClassPathResource("bge-small-en-v1.5-q.onnx")))
            .withPropertyValues("docent.embedding.model=bge-small-en-v15-q")
            .run(beans -> {
                assertThat(beans).hasFailed();
                assertThat(beans.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidLlmSettingsException.class)
                    .hasMessage("DOCENT_EMBEDDING_MODEL=bge-small-en-v15-q needs the model's jar, which this "
                            + "build leaves out: build the jar with ./mvnw -Pbge package");
            });
    }

    @Test
    void anEndpointIsChosenWithOpenAi() {
        context
            .withPropertyValues("docent.embedding.model=openai", "docent.embedding.base-url=http://vllm:8000/v1",
                    "docent.embedding.model-name=bge-m3", "docent.embedding.dimension=1024")
            .run(beans -> {
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
