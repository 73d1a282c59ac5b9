package dev.docent.llm;

import dev.docent.llm.embedding.InProcessEmbedder;
import dev.docent.llm.embedding.InProcessModel;
import dev.docent.llm.embedding.OpenAiEmbedder;
import dev.docent.llm.settings.InvalidLlmSettingsException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@link Embedder} the settings ask for: an in-process model, or an OpenAI-compatible
 * endpoint.
 */
@Configuration(proxyBeanMethods = false)
class Embedders {

    @Bean
    Embedder embedder(EmbeddingSettings settings, ResourceLoader resources) {
        if (settings.remote()) {
            return new OpenAiEmbedder(settings);
        }
        InProcessModel model = InProcessModel.named(settings.model()).orElseThrow();
        if (!model.availableIn(resources.getClassLoader())) {
            throw new InvalidLlmSettingsException("DOCENT_EMBEDDING_MODEL=" + model.id() + " needs the model's jar, "
                    + "which this build leaves out: build the jar with ./mvnw -Pbge package");
        }
        return new InProcessEmbedder(model);
    }

}
