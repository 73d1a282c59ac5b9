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
class LlmSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void withNothingSetThereIsNoModel() {
        LlmSettings settings = bind(Map.of());

        assertThat(settings.provider()).isEqualTo("extractive");
        assertThat(settings.modelConfigured()).isFalse();
        assertThat(settings.description()).isEqualTo("none");
        assertThat(settings.timeout()).isEqualTo(TIMEOUT);
    }

    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        LlmSettings settings = bind(Map.of("DOCENT_LLM_PROVIDER", "Ollama", "DOCENT_LLM_BASE_URL", "http://gpu:11434/",
                "DOCENT_LLM_API_KEY", "proxy-key", "DOCENT_LLM_MODEL", "llama3.2", "DOCENT_LLM_TIMEOUT", "5s"));

        assertThat(settings)
            .isEqualTo(new LlmSettings("ollama", "http://gpu:11434", "proxy-key", "llama3.2", Duration.ofSeconds(5)));
        assertThat(settings.description()).isEqualTo("ollama:llama3.2 @ http://gpu:11434");
    }

    @Test
    void openAiDefaultsToTheOpenAiEndpoint() {
        LlmSettings settings = new LlmSettings("openai", " ", "sk-1", "gpt-4o-mini", TIMEOUT);

        assertThat(settings.description()).isEqualTo("openai:gpt-4o-mini @ https://api.openai.com/v1");
    }

    @Test
    void eachBadValueIsNamedByItsVariable() {
        assertInvalid(() -> new LlmSettings("llama", null, null, null, TIMEOUT),
                "DOCENT_LLM_PROVIDER must be extractive, openai or ollama (was 'llama')");
        assertInvalid(() -> new LlmSettings("ollama", null, null, "llama3.2", TIMEOUT),
                "DOCENT_LLM_BASE_URL must be set when DOCENT_LLM_PROVIDER=ollama");
        assertInvalid(() -> new LlmSettings("ollama", "http://gpu:11434", null, "", TIMEOUT),
                "DOCENT_LLM_MODEL must be set when DOCENT_LLM_PROVIDER=ollama");
        assertInvalid(() -> new LlmSettings("openai", "http://vllm:8000/v1", null, null, TIMEOUT),
                "DOCENT_LLM_MODEL must be set when DOCENT_LLM_PROVIDER=openai");
        assertInvalid(() -> new LlmSettings("openai", "vllm:8000", null, "m", TIMEOUT),
                "DOCENT_LLM_BASE_URL must be an http:// or https:// URL (was 'vllm:8000')");
        assertInvalid(() -> new LlmSettings("openai", null, null, "gpt-4o-mini", TIMEOUT),
                "DOCENT_LLM_API_KEY must be set for https://api.openai.com/v1");
        assertInvalid(() -> new LlmSettings("extractive", null, null, null, Duration.ZERO),
                "DOCENT_LLM_TIMEOUT must be a positive duration such as 60s");
    }

    @Test
    void keepsTheApiKeyOutOfItsText() {
        assertThat(new LlmSettings("openai", null, "sk-secret", "m", TIMEOUT).toString()).doesNotContain("sk-secret")
            .contains("apiKey=***");
    }

    @Test
    void aBadValueStopsTheStartWithOneLine(CapturedOutput output) {
        assertStartStopsWithOneLine(output, SettingsOnly.class,
                "DOCENT_LLM_MODEL must be set when DOCENT_LLM_PROVIDER=ollama", "--docent.llm.provider=ollama",
                "--docent.llm.base-url=http://gpu:11434");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LlmSettings.class)
    static class SettingsOnly {

    }

    private static LlmSettings bind(Map<String, Object> variables) {
        return bindEnvironment("docent.llm", LlmSettings.class, variables);
    }

}
