package dev.docent.llm;

import java.time.Duration;

/** A streaming answer being received. Thread-safe; consumed by one virtual thread. */
public interface ModelStream extends AutoCloseable {

    /**
     * Waits at most {@code wait} for the next event: a {@link Token} with the next piece
     * of text, {@link Done} when the answer is complete, or {@link Pending} when nothing
     * arrived within {@code wait} (the caller checks its stop flag / deadline and polls
     * again). Once Done or a failure has been returned, every later poll returns it
     * again. After {@link #close()}, poll returns Done at once: the caller knows it
     * stopped the stream.
     * @throws ModelFailure UPSTREAM when the upstream failed (HTTP error status, broken
     * stream, connection refused); TIMEOUT when the upstream sent nothing for longer than
     * the configured timeout
     */
    Event poll(Duration wait) throws InterruptedException;

    /**
     * Cancels the upstream request if still running (stop button, client gone, timeout):
     * the HTTP exchange is aborted and nothing more is delivered. Idempotent; never
     * throws.
     */
    @Override
    void close();

    sealed interface Event permits Token, Done, Pending {

    }

    record Token(String text) implements Event {
    }

    record Done() implements Event {
    }

    record Pending() implements Event {
    }

}
