package dev.docent.llm;

import static dev.docent.llm.SettingsChecks.assertInvalid;
import static dev.docent.llm.SettingsChecks.assertStartStopsWithOneLine;
import static dev.docent.llm.SettingsChecks.bindEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddingSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void withNothingSetTheDefaultModelEmbedsInProcess() {
        EmbeddingSettings settings = bind(Map.of());

        assertThat(settings)
            .isEqualTo(new EmbeddingSettings("all-minilm-l6-v2-q", null, null, null, null, TIMEOUT, 32));
        assertThat(settings.remote()).isFalse();
        assertThat(settings.description()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        EmbeddingSettings settings = bind(Map.of("DOCENT_EMBEDDING_MODEL", "OpenAI", "DOCENT_EMBEDDING_BASE_URL",
                "http://vllm:8000/v1/", "DOCENT_EMBEDDING_API_KEY", "sk-1", "DOCENT_EMBEDDING_MODEL_NAME", "bge-m3",
                "DOCENT_EMBEDDING_DIMENSION", "512", "DOCENT_EMBEDDING_TIMEOUT", "5s", "DOCENT_EMBEDDING_BATCH_SIZE",
                "64"));

        assertThat(settings).isEqualTo(new EmbeddingSettings("openai", "http://vllm:8000/v1", "sk-1", "bge-m3", 512,
                Duration.ofSeconds(5), 64));
        assertThat(settings.remote()).isTrue();
        assertThat(settings.description()).isEqualTo("openai:bge-m3 @ http://vllm:8000/v1");
    }

    @Test
    void theOtherInProcessModelIsChosenByName() {
        assertThat(bind(Map.of("DOCENT_EMBEDDING_MODEL", "bge-small-en-v15-q")).model())
            .isEqualTo("bge-small-en-v15-q");
    }

    @Test
    void openAiDefaultsToTheOpenAiEndpoint() {
        EmbeddingSettings settings = new EmbeddingSettings("openai", "", "sk-1", "text-embedding-3-small", null,
                TIMEOUT, 32);

        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void eachBadValueIsNamedByItsVariable() {
        assertInvalid(() -> new EmbeddingSettings("minilm", null, null, null, null, TIMEOUT, 32),
                "DOCENT_EMBEDDING_MODEL must be all-minilm-l6-v2-q, bge-small-en-v15-q or openai (was 'minilm')");
        assertInvalid(() -> new EmbeddingSettings("openai", "http://vllm:8000/v1", null, " ", null, TIMEOUT, 32),
                "DOCENT_EMBEDDING_MODEL_NAME must be set when DOCENT_EMBEDDING_MODEL=openai");
        assertInvalid(() -> new EmbeddingSettings("openai", "vllm:8000", null, "m", null, TIMEOUT, 32),
                "DOCENT_EMBEDDING_BASE_URL must be an http:// or https:// URL (was 'vllm:8000')");
        assertInvalid(() -> new EmbeddingSettings("openai", null, null, "text-embedding-3-small", null, TIMEOUT, 32),
                "DOCENT_EMBEDDING_API_KEY must be set for https://api.openai.com/v1");
        assertInvalid(() -> new EmbeddingSettings("openai", "http://vllm:8000/v1", null, "m", 0, TIMEOUT, 32),
                "DOCENT_EMBEDDING_DIMENSION must be a positive number (was 0)");
        assertInvalid(() -> new EmbeddingSettings("all-minilm-l6-v2-q", null, null, null, 768, TIMEOUT, 32),
                "DOCENT_EMBEDDING_DIMENSION can only be set with DOCENT_EMBEDDING_MODEL=openai "
                        + "(all-minilm-l6-v2-q has 384)");
        assertInvalid(() -> new EmbeddingSettings(null, null, null, null, null, Duration.ofSeconds(-1), 32),
                "DOCENT_EMBEDDING_TIMEOUT must be a positive duration such as 30s");
        assertInvalid(() -> new EmbeddingSettings(null, null, null, null, null, TIMEOUT, 0),
                "DOCENT_EMBEDDING_BATCH_SIZE must be between 1 and 2048 (was 0)");
        assertInvalid(() -> new EmbeddingSettings(null, null, null, null, null, TIMEOUT, 2049),
                "DOCENT_EMBEDDING_BATCH_SIZE must be between 1 and 2048 (was 2049)");
    }

    @Test
    void keepsTheApiKeyOutOfItsText() {
        assertThat(new EmbeddingSettings("openai", null, "sk-secret", "m", null, TIMEOUT, 32).toString())
            .doesNotContain("sk-secret")
            .contains("apiKey=***");
    }

    @Test
    void aBadValueStopsTheStartWithOneLine(CapturedOutput output) {
        assertStartStopsWithOneLine(output, SettingsOnly.class,
                "DOCENT_EMBEDDING_MODEL_NAME must be set when DOCENT_EMBEDDING_MODEL=openai",
                "--docent.embedding.model=openai");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddingSettings.class)
    static class SettingsOnly {

    }

    private static EmbeddingSettings bind(Map<String, Object> variables) {
        return bindEnvironment("docent.embedding", EmbeddingSettings.class, variables);
    }

}
