package dev.docent.llm;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Embedder} the settings ask for: an in-process model, or an OpenAI-compatible endpoint. */
@Configuration(proxyBeanMethods = false)
class Embedders {

    @Bean
    Embedder embedder(EmbeddingSettings settings) {
        if (settings.remote()) {
            return new OpenAiEmbedder(settings);
        }
        return new InProcessEmbedder(InProcessModel.named(settings.model()).orElseThrow());
    }
}
