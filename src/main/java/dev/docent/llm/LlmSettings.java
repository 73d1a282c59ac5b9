package dev.docent.llm;

import static dev.docent.llm.settings.SettingValues.blankToNull;

import dev.docent.llm.settings.InvalidLlmSettingsException;
import dev.docent.llm.settings.SettingValues;
import dev.docent.shared.Urls;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which language model answers, if any. Checked when bound, so a bad value stops the
 * start with one line naming the environment variable (see
 * {@link LlmSettingsFailureAnalyzer}).
 *
 * @param provider {@code extractive} (no model), {@code openai} (any OpenAI-compatible
 * endpoint) or {@code ollama} (env {@code DOCENT_LLM_PROVIDER})
 * @param baseUrl {@code http://host:port/v1} for openai (default {@value #OPENAI_URL}),
 * {@code http://host:11434} for ollama (env {@code DOCENT_LLM_BASE_URL})
 * @param apiKey sent as a bearer token when set; required only by api.openai.com (env
 * {@code DOCENT_LLM_API_KEY})
 * @param model the model name, e.g. {@code gpt-4o-mini} or {@code llama3.2} (env
 * {@code DOCENT_LLM_MODEL})
 * @param timeout a non-streaming completion must finish within it; a stream fails when
 * the upstream stays silent for longer (env {@code DOCENT_LLM_TIMEOUT})
 */
@ConfigurationProperties("docent.llm")
public record LlmSettings(@DefaultValue(EXTRACTIVE) String provider, String baseUrl, String apiKey, String model,
        @DefaultValue("60s") Duration timeout) {

    static final String EXTRACTIVE = "extractive";
    static final String OPENAI = "openai";
    static final String OLLAMA = "ollama";
    static final String OPENAI_URL = "https://api.openai.com/v1";

    public LlmSettings {
        provider = blankToNull(provider) == null ? EXTRACTIVE : provider.strip().toLowerCase(Locale.ROOT);
        baseUrl = SettingValues.baseUrl(baseUrl);
        apiKey = blankToNull(apiKey);
        model = blankToNull(model);
        if (!provider.equals(EXTRACTIVE) && !provider.equals(OPENAI) && !provider.equals(OLLAMA)) {
            throw new InvalidLlmSettingsException(
                    "DOCENT_LLM_PROVIDER must be extractive, openai or ollama (was '" + provider + "')");
        }
        if (provider.equals(OPENAI) && baseUrl == null) {
            baseUrl = OPENAI_URL;
        }
        if (!provider.equals(EXTRACTIVE)) {
            if (baseUrl == null) {
                throw new InvalidLlmSettingsException(requiredWith("DOCENT_LLM_BASE_URL", provider));
            }
            SettingValues.requireHttpUrl("DOCENT_LLM_BASE_URL", baseUrl);
            if (model == null) {
                throw new InvalidLlmSettingsException(requiredWith("DOCENT_LLM_MODEL", provider));
            }
            if (baseUrl.equals(OPENAI_URL) && apiKey == null) {
                throw new InvalidLlmSettingsException("DOCENT_LLM_API_KEY must be set for " + OPENAI_URL);
            }
        }
        SettingValues.requirePositive("DOCENT_LLM_TIMEOUT", timeout, "60s");
    }

    boolean modelConfigured() {
        return !provider.equals(EXTRACTIVE);
    }

    /** e.g. {@code openai:gpt-4o-mini @ http://host/v1}, or {@code none}. */
    public String description() {
        return modelConfigured() ? provider + ":" + model + " @ " + Urls.redacted(baseUrl) : "none";
    }

    /** Keeps the API key out of logs. */
    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + Urls.redacted(baseUrl) + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", model=" + model + ", timeout=" + timeout + "]";
    }

    private static String requiredWith(String variable, String provider) {
        return variable + " must be set when DOCENT_LLM_PROVIDER=" + provider;
    }
}
