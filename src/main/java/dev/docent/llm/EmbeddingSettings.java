package dev.docent.llm;

import static dev.docent.llm.settings.SettingValues.blankToNull;

import dev.docent.llm.embedding.InProcessModel;
import dev.docent.llm.settings.InvalidLlmSettingsException;
import dev.docent.llm.settings.SettingValues;
import dev.docent.shared.Urls;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model turns passages and questions into vectors. Checked when bound, so a bad
 * value stops the start with one line naming the environment variable (see
 * {@link LlmSettingsFailureAnalyzer}). The endpoint's settings are separate from the
 * language model's, so that no key is ever sent to a host it was not given for.
 *
 * @param model an in-process model, {@code all-minilm-l6-v2-q} (default) or
 * {@code bge-small-en-v15-q}, or {@code openai} for an OpenAI-compatible endpoint (env
 * {@code DOCENT_EMBEDDING_MODEL})
 * @param baseUrl the endpoint, {@code http://host:port/v1} (default
 * {@value LlmSettings#OPENAI_URL}) (env {@code DOCENT_EMBEDDING_BASE_URL})
 * @param apiKey sent as a bearer token when set; required only by api.openai.com (env
 * {@code DOCENT_EMBEDDING_API_KEY})
 * @param modelName the endpoint's model, e.g. {@code text-embedding-3-small} (env
 * {@code DOCENT_EMBEDDING_MODEL_NAME})
 * @param dimension asks the endpoint for vectors of this length (text-embedding-3 models
 * can shorten theirs); unset, the model's own length, learnt from its first answer (env
 * {@code DOCENT_EMBEDDING_DIMENSION})
 * @param timeout one request to the endpoint must finish within it (env
 * {@code DOCENT_EMBEDDING_TIMEOUT})
 * @param batchSize at most this many passages per request to the endpoint (env
 * {@code DOCENT_EMBEDDING_BATCH_SIZE})
 */
@ConfigurationProperties("docent.embedding")
public record EmbeddingSettings(@DefaultValue(DEFAULT_MODEL) String model, String baseUrl, String apiKey,
        String modelName, Integer dimension, @DefaultValue("30s") Duration timeout,
        @DefaultValue("32") Integer batchSize) {

    public static final String OPENAI = "openai";
    static final String DEFAULT_MODEL = "all-minilm-l6-v2-q";

    /** What OpenAI accepts in one request. */
    static final int MAX_BATCH_SIZE = 2048;

    public EmbeddingSettings {
        model = blankToNull(model) == null ? DEFAULT_MODEL : model.strip().toLowerCase(Locale.ROOT);
        baseUrl = SettingValues.baseUrl(baseUrl);
        apiKey = blankToNull(apiKey);
        modelName = blankToNull(modelName);
        boolean remote = model.equals(OPENAI);
        if (!remote && InProcessModel.named(model).isEmpty()) {
            throw new InvalidLlmSettingsException(
                    "DOCENT_EMBEDDING_MODEL must be " + choices() + " (was '" + model + "')");
        }
        if (remote) {
            baseUrl = baseUrl == null ? LlmSettings.OPENAI_URL : baseUrl;
            SettingValues.requireHttpUrl("DOCENT_EMBEDDING_BASE_URL", baseUrl);
            if (modelName == null) {
                throw new InvalidLlmSettingsException(
                        "DOCENT_EMBEDDING_MODEL_NAME must be set when " + "DOCENT_EMBEDDING_MODEL=openai");
            }
            if (baseUrl.equals(LlmSettings.OPENAI_URL) && apiKey == null) {
                throw new InvalidLlmSettingsException(
                        "DOCENT_EMBEDDING_API_KEY must be set for " + LlmSettings.OPENAI_URL);
            }
        }
        if (dimension != null && !remote) {
            throw new InvalidLlmSettingsException("DOCENT_EMBEDDING_DIMENSION can only be set with "
                    + "DOCENT_EMBEDDING_MODEL=openai (" + model + " has " + InProcessModel.DIMENSION + ")");
        }
        if (dimension != null && dimension < 1) {
            throw new InvalidLlmSettingsException(
                    "DOCENT_EMBEDDING_DIMENSION must be a positive number (was " + dimension + ")");
        }
        SettingValues.requirePositive("DOCENT_EMBEDDING_TIMEOUT", timeout, "30s");
        if (batchSize == null || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidLlmSettingsException(
                    "DOCENT_EMBEDDING_BATCH_SIZE must be between 1 and " + MAX_BATCH_SIZE + " (was " + batchSize + ")");
        }
    }

    /** Whether an endpoint embeds, rather than a model in this JVM. */
    boolean remote() {
        return model.equals(OPENAI);
    }

    /**
     * e.g. {@code openai:text-embedding-3-small @ http://host/v1}, or the in-process
     * model's name.
     */
    public String description() {
        return remote() ? OPENAI + ":" + modelName + " @ " + Urls.redacted(baseUrl) : model;
    }

    /** Keeps the API key out of logs. */
    @Override
    public String toString() {
        return "EmbeddingSettings[model=" + model + ", baseUrl=" + Urls.redacted(baseUrl) + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", modelName=" + modelName + ", dimension=" + dimension
                + ", timeout=" + timeout + ", batchSize=" + batchSize + "]";
    }

    private static String choices() {
        return Arrays.stream(InProcessModel.values()).map(InProcessModel::id).collect(Collectors.joining(", ")) + " or "
                + OPENAI;
    }
}
