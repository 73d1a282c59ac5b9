package dev.docent.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls for something that happens off the request path, with a deadline instead of a
 * fixed sleep.
 */
public final class Eventually {

    private Eventually() {
    }

    /**
     * The first value of {@code read} that satisfies {@code done}; fails after
     * {@code patience}, showing the last one.
     */
    public static <T> T await(Duration patience, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + patience + "; last seen: " + value);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

}
