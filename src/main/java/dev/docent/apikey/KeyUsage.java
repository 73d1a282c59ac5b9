package dev.docent.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Request counts and last-used times, added up in memory and written every
 * {@code docent.api-keys.usage-flush-interval} (one update per key used, not one per
 * request), and once more at shutdown.
 */
@Component
class KeyUsage implements DisposableBean {

    private static final class Tally {

        final LongAdder requests = new LongAdder();

        volatile Instant lastUsed;

    }

    private final KeyStore store;

    private final Clock clock;

    private final Map<ApiKeyId, Tally> pending = new ConcurrentHashMap<>();

    KeyUsage(KeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void used(ApiKeyId key) {
        Tally tally = pending.computeIfAbsent(key, k -> new Tally());
        tally.requests.increment();
        tally.lastUsed = clock.instant();
    }

    @Scheduled(fixedDelayString = "${docent.api-keys.usage-flush-interval:10s}")
    synchronized void flush() {
        for (ApiKeyId key : pending.keySet()) {
            Tally tally = pending.remove(key);
            long requests = tally.requests.sumThenReset();
            if (requests > 0) {
                store.addUsage(key, requests, tally.lastUsed);
            }
        }
    }

    @Override
    public void destroy() {
        flush();
    }

}
