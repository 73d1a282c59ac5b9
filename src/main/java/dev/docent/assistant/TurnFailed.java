package dev.docent.assistant;

/**
 * A turn that could not end with a stored, complete answer. The question is stored; the
 * web edge says how it reaches the client (and whether an idempotent retry replays it).
 */
public class TurnFailed extends RuntimeException {

    /** Why the turn failed. */
    public enum Reason {

        /** The model did not finish within the generation timeout. */
        GENERATION_TIMEOUT,
        /** The model (or the connection to it) failed. */
        MODEL_FAILED,
        /** The answer could not be stored. */
        ANSWER_NOT_SAVED,
        /** The chat was deleted while its answer was being generated. */
        CHAT_DELETED

    }

    private final Reason reason;

    TurnFailed(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Expected failures: the detail says it all, and the cause (if any) is logged where
     * it happens.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

}
