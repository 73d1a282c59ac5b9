package dev.docent.llm;

/**
 * The language model or the embedding endpoint could not answer. The message names the
 * upstream and its status, never the API key.
 */
public class ModelFailure extends RuntimeException {

    public enum Kind {

        TIMEOUT, UPSTREAM, NOT_CONFIGURED

    }

    private final Kind kind;

    public ModelFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

}
