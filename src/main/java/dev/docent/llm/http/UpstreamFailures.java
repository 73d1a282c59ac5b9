package dev.docent.llm.http;

import static dev.docent.llm.ModelFailure.Kind.TIMEOUT;
import static dev.docent.llm.ModelFailure.Kind.UPSTREAM;

import dev.docent.llm.EmbeddingSettings;
import dev.docent.llm.LlmSettings;
import dev.docent.llm.ModelFailure;
import dev.docent.shared.Urls;
import dev.langchain4j.exception.HttpException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns what LangChain4j and the JDK throw into {@link ModelFailure}s whose messages name
 * the upstream and what it did, never the API key.
 */
public final class UpstreamFailures {

    private static final int EXCERPT_LIMIT = 200;

    private final String upstream;

    private final String apiKey;

    private final String baseUrl;

    private final Duration timeout;

    public UpstreamFailures(LlmSettings settings) {
        this(settings.description(), settings.apiKey(), settings.baseUrl(), settings.timeout());
    }

    public UpstreamFailures(EmbeddingSettings settings) {
        this(settings.description(), settings.apiKey(), settings.baseUrl(), settings.timeout());
    }

    private UpstreamFailures(String upstream, String apiKey, String baseUrl, Duration timeout) {
        this.upstream = upstream;
        this.apiKey = apiKey;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    public ModelFailure translate(Throwable error) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException) {
                return new ModelFailure(TIMEOUT, upstream + " did not answer within " + readable(timeout), error);
            }
            if (t instanceof HttpException http) {
                // no cause: LangChain4j's exception carries the whole response body,
                // which may echo the key
                return new ModelFailure(UPSTREAM,
                        upstream + " answered HTTP " + http.statusCode() + excerpt(http.getMessage()), null);
            }
            root = t;
        }
        String reason = root.getMessage() == null ? "" : ": " + redact(root.getMessage());
        return new ModelFailure(UPSTREAM, upstream + " failed: " + root.getClass().getSimpleName() + reason, error);
    }

    public ModelFailure silent() {
        return new ModelFailure(TIMEOUT, upstream + " sent nothing for " + readable(timeout), null);
    }

    /** A well-formed HTTP answer that does not say what the protocol promises. */
    public ModelFailure unexpected(String what) {
        return new ModelFailure(UPSTREAM, upstream + " answered " + what, null);
    }

    public ModelFailure endedEarly() {
        return new ModelFailure(UPSTREAM, upstream + " ended the stream before the answer was complete", null);
    }

    private String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String firstLine = body.strip().lines().findFirst().orElse("");
        String shortened = firstLine.length() > EXCERPT_LIMIT ? firstLine.substring(0, EXCERPT_LIMIT) + "…" : firstLine;
        return ": " + redact(shortened);
    }

    /**
     * The key, and the endpoint's own credentials: an exception may quote the URL it
     * called.
     */
    private String redact(String text) {
        String shown = apiKey == null ? text : text.replace(apiKey, "***");
        return baseUrl == null ? shown : shown.replace(baseUrl, Urls.redacted(baseUrl));
    }

    private static String readable(Duration duration) {
        return duration.toString().substring("PT".length()).toLowerCase(Locale.ROOT);
    }

}
