package dev.docent.chat;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps a remote cache an accelerator only. Calls go through a circuit breaker, so a dead Redis costs at
 * most one short timeout per call until the breaker opens, and nothing after. A change that cannot reach
 * the cache is recorded in the database; until every recorded invalidation has been applied, this
 * instance neither reads from nor fills the cache, so an entry that went stale while Redis was away is
 * never served.
 */
class GuardedHistoryCache implements HistoryCache {

    private static final Logger log = LoggerFactory.getLogger(GuardedHistoryCache.class);

    private final HistoryCache delegate;
    private final Runnable ping;
    private final PendingInvalidations pending;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final Counter errors;
    private final Counter rejectedFills;
    /** False from an outage until the recorded invalidations are applied. */
    private volatile boolean trusted;
    /** Counts changes that could not reach the cache; guarded by {@code this}, with the trust decision. */
    private long unapplied;

    GuardedHistoryCache(HistoryCache delegate, Runnable ping, PendingInvalidations pending, Clock clock,
            MeterRegistry meters, Duration timeout, Duration breakerOpen) {
        this.delegate = delegate;
        this.ping = ping;
        this.pending = pending;
        this.clock = clock;
        this.breaker = CircuitBreaker.of("history-cache", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(timeout)
                .slowCallRateThreshold(80)
                .waitDurationInOpenState(breakerOpen)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.breaker.getEventPublisher().onStateTransition(event -> {
            log.warn("History cache circuit breaker: {}", event.getStateTransition());
            if (event.getStateTransition().getToState() != CircuitBreaker.State.CLOSED) {
                trusted = false;
            }
        });
        this.errors = meters.counter("docent.cache.errors");
        this.rejectedFills = meters.counter("docent.cache.fill.rejected");
        this.trusted = false;
    }

    boolean trusted() {
        return trusted;
    }

    /** A direct ping, outside the breaker: for health checks. */
    boolean reachable() {
        try {
            ping.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public Optional<byte[]> chat(UserId user, ChatId chat) {
        return trusted ? guarded(() -> delegate.chat(user, chat), Optional.empty()) : Optional.empty();
    }

    @Override
    public boolean fillChat(UserId user, ChatId chat, long version, byte[] json) {
        return trusted && counted(guarded(() -> delegate.fillChat(user, chat, version, json), null));
    }

    @Override
    public void changed(UserId user, ChatId chat, long version, byte[] json, IndexEntry entry) {
        applyOrRecord(user, chat, () -> delegate.changed(user, chat, version, json, entry));
    }

    @Override
    public void deleted(UserId user, ChatId chat) {
        applyOrRecord(user, chat, () -> delegate.deleted(user, chat));
    }

    @Override
    public long listStamp(UserId user) {
        return trusted ? guarded(() -> delegate.listStamp(user), -1L) : -1L;
    }

    @Override
    public Optional<List<IndexEntry>> page(UserId user, ListCursor after, int limit) {
        return trusted ? guarded(() -> delegate.page(user, after, limit), Optional.empty()) : Optional.empty();
    }

    @Override
    public boolean fillIndex(UserId user, long stamp, List<IndexEntry> entries) {
        return trusted && stamp >= 0 && counted(guarded(() -> delegate.fillIndex(user, stamp, entries), null));
    }

    @Override
    public void invalidate(UserId user, List<ChatId> chats) {
        breaker.executeRunnable(() -> delegate.invalidate(user, chats));
    }

    /**
     * Applies the recorded invalidations (from any instance) and decides whether the cache can be
     * trusted. Runs every second, so one instance's recorded invalidations reach every instance soon.
     */
    @Scheduled(fixedDelayString = "${docent.cache.recovery-interval:1000}")
    void recover() {
        boolean wasTrusted = trusted;
        long unappliedBefore;
        synchronized (this) {
            unappliedBefore = unapplied;
        }
        try {
            if (!wasTrusted) {
                breaker.executeRunnable(ping);
            }
            List<PendingInvalidations.Pending> batch;
            while (!(batch = pending.oldest(500)).isEmpty()) {
                trusted = false;
                apply(batch);
            }
            synchronized (this) {
                // A change that failed since we looked at the journal may not have been in it yet.
                trusted = breaker.getState() == CircuitBreaker.State.CLOSED && unapplied == unappliedBefore;
            }
            if (!wasTrusted && trusted) {
                log.info("History cache is trusted");
            }
        } catch (RuntimeException e) {
            trusted = false;
            log.debug("History cache still unavailable: {}", e.toString());
        }
    }

    private void apply(List<PendingInvalidations.Pending> batch) {
        Map<UserId, List<ChatId>> byUser = new LinkedHashMap<>();
        for (PendingInvalidations.Pending p : batch) {
            List<ChatId> chats = byUser.computeIfAbsent(p.user(), u -> new ArrayList<>());
            if (p.chat() != null) {
                chats.add(p.chat());
            }
        }
        byUser.forEach(this::invalidate);
        pending.remove(batch.stream().map(PendingInvalidations.Pending::id).toList());
    }

    private void applyOrRecord(UserId user, ChatId chat, Runnable change) {
        if (trusted) {
            try {
                breaker.executeRunnable(change);
                return;
            } catch (RuntimeException e) {
                errors.increment();
                log.debug("History cache write failed, recording the invalidation: {}", e.toString());
            }
        }
        trusted = false;
        try {
            pending.record(user, chat, clock.instant());
        } catch (RuntimeException e) {
            log.error("Could not record a cache invalidation for chat {}", chat, e);
        }
        synchronized (this) {
            unapplied++;
            trusted = false;
        }
    }

    private <T> T guarded(Supplier<T> call, T fallback) {
        try {
            return breaker.executeSupplier(call);
        } catch (RuntimeException e) {
            errors.increment();
            log.debug("History cache unavailable: {}", e.toString());
            return fallback;
        }
    }

    /** A fill the cache refused (it holds newer state) is counted; a failed one was counted as an error. */
    private boolean counted(Boolean accepted) {
        if (Boolean.FALSE.equals(accepted)) {
            rejectedFills.increment();
        }
        return Boolean.TRUE.equals(accepted);
    }
}
