package dev.docent.llm;

import dev.docent.llm.http.UpstreamFailures;
import dev.docent.llm.http.UpstreamLink;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A streaming answer fed by LangChain4j's callbacks on a receiving thread and drained by
 * {@link #poll}. The first ending wins: tokens or errors after Done, or anything after a
 * failure, are dropped. A failure, a silence longer than the timeout, or {@link #close()}
 * abandons the HTTP exchange.
 */
final class CallbackModelStream implements ModelStream, UpstreamLink {

    private static final Done DONE = new Done();

    private static final Pending PENDING = new Pending();

    /** {@link Token}s, then {@link Done} or a {@link ModelFailure}. */
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();

    private final CompletableFuture<Void> abandoned = new CompletableFuture<>();

    private final AtomicBoolean ended = new AtomicBoolean();

    private final UpstreamFailures failures;

    private final Predicate<ChatResponse> complete;

    private final long silenceLimitNanos;

    private volatile long lastHeardNanos = System.nanoTime();

    private volatile Object outcome;

    private volatile boolean closed;

    /**
     * {@code complete} tells a whole answer from what LangChain4j reports as one when the
     * body just ended.
     */
    CallbackModelStream(UpstreamFailures failures, Duration silenceLimit, Predicate<ChatResponse> complete) {
        this.failures = failures;
        this.complete = complete;
        this.silenceLimitNanos = silenceLimit.toNanos();
    }

    StreamingChatResponseHandler handler() {
        return new StreamingChatResponseHandler() {

            @Override
            public void onPartialResponse(String text) {
                lastHeardNanos = System.nanoTime();
                if (!ended.get() && !closed) {
                    arrivals.add(new Token(text));
                }
            }

            /**
             * A reasoning model thinks before it answers: that is not part of the answer,
             * but it is not silence.
             */
            @Override
            public void onPartialThinking(PartialThinking thinking) {
                lastHeardNanos = System.nanoTime();
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                end(complete.test(response) ? DONE : failures.endedEarly());
            }

            @Override
            public void onError(Throwable error) {
                end(failures.translate(error));
            }
        };
    }

    @Override
    public CompletionStage<?> abandoned() {
        return abandoned;
    }

    /**
     * A body that ends without the protocol's last message is a broken stream, not an
     * answer.
     */
    @Override
    public void exchangeEnded() {
        end(failures.endedEarly());
    }

    @Override
    public Event poll(Duration wait) throws InterruptedException {
        if (closed) {
            return DONE;
        }
        if (outcome != null) {
            return deliver(outcome);
        }
        long silenceLeft = lastHeardNanos + silenceLimitNanos - System.nanoTime();
        Object next = arrivals.poll(Math.max(0, Math.min(wait.toNanos(), silenceLeft)), TimeUnit.NANOSECONDS);
        if (next == null && lastHeardNanos + silenceLimitNanos - System.nanoTime() <= 0) {
            end(failures.silent());
            next = arrivals.poll();
        }
        if (closed) {
            return DONE;
        }
        return next == null ? PENDING : deliver(next);
    }

    @Override
    public void close() {
        closed = true;
        arrivals.clear();
        arrivals.add(DONE); // wakes a consumer blocked in poll
        abandoned.complete(null);
    }

    private void end(Object ending) {
        if (!closed && ended.compareAndSet(false, true)) {
            arrivals.add(ending);
            if (ending instanceof ModelFailure) {
                abandoned.complete(null);
            }
        }
    }

    private Event deliver(Object next) {
        if (next instanceof Token token) {
            return token;
        }
        outcome = next;
        if (next instanceof ModelFailure failure) {
            throw failure;
        }
        return DONE;
    }

}
