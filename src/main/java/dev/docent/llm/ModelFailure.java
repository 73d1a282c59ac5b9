package dev.docent.llm;

public class ModelFailure extends RuntimeException {
    public enum Kind { TIMEOUT, UPSTREAM, NOT_CONFIGURED }

    private final Kind kind;

    public ModelFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
