package dev.docent.llm;

import java.time.Duration;

public interface ModelStream extends AutoCloseable {
    Event poll(Duration wait) throws InterruptedException;

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
