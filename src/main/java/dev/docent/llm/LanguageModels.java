package dev.docent.llm;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link LanguageModel} the settings ask for. LangChain4j is wired by hand: its
 * Spring starters are not available. Its retries are off (the caller decides what a
 * failure means), and reasoning is requested back only so that a thinking model does not
 * look silent.
 */
@Configuration(proxyBeanMethods = false)
class LanguageModels {

    @Bean
    LanguageModel languageModel(LlmSettings settings) {
        return switch (settings.provider()) {
            case LlmSettings.OPENAI -> openAi(settings);
            case LlmSettings.OLLAMA -> ollama(settings);
            default -> new NoLanguageModel();
        };
    }

    /**
     * LangChain4j's OpenAI client reports whatever arrived as the complete answer when
     * the body ends, even cut off midway (upstream crash, proxy timeout). Only the chunk
     * carrying {@code finish_reason} says the answer is whole.
     */
    private static RemoteLanguageModel openAi(LlmSettings settings) {
        return new RemoteLanguageModel(settings,
                http -> OpenAiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(settings.model())
                    .maxRetries(0)
                    .build(),
                http -> OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(settings.model())
                    .returnThinking(true)
                    .build(),
                response -> response.finishReason() != null);
    }

    /**
     * Ollama itself takes no key; one that is set is for an authenticating proxy in front
     * of it.
     */
    private static RemoteLanguageModel ollama(LlmSettings settings) {
        Map<String, String> headers = settings.apiKey() == null ? Map.of()
                : Map.of("Authorization", "Bearer " + settings.apiKey());
        return new RemoteLanguageModel(settings,
                http -> OllamaChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(settings.baseUrl())
                    .customHeaders(headers)
                    .modelName(settings.model())
                    .maxRetries(0)
                    .build(),
                http -> OllamaStreamingChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(settings.baseUrl())
                    .customHeaders(headers)
                    .modelName(settings.model())
                    .returnThinking(true)
                    .build(),
                response -> true);
    }

}
