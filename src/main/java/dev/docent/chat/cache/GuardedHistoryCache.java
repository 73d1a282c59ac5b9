package dev.docent.chat.cache;

import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps a remote cache an accelerator only. Calls go through a circuit breaker, so a dead
 * Redis costs at most one short timeout per call until the breaker opens, and nothing
 * after.
 *
 * <p>
 * A change whose cache update is unconfirmed (failed, timed out, refused by the breaker)
 * may or may not land, possibly much later: it is recorded in the database, and until
 * every recorded invalidation has been applied no instance reads from or fills the cache.
 * Instances learn of records by looking at the journal every {@code recovery-interval};
 * one look that finds it empty lets an instance read from Redis for one
 * {@code trustLease} only, and the writer of a record waits one lease before its change
 * is acknowledged. So once a write is acknowledged, every instance has stopped trusting
 * the cache. Applying a record lowers the chat to a floor at its database version, which
 * no late command carrying older state gets past.
 */
class GuardedHistoryCache implements HistoryCache {

    private static final Logger log = LoggerFactory.getLogger(GuardedHistoryCache.class);

    private final HistoryCache delegate;

    private final Runnable ping;

    private final PendingInvalidations pending;

    private final CircuitBreaker breaker;

    private final Counter errors;

    private final Counter rejectedFills;

    private final Duration lease;

    /** False from an outage until the recorded invalidations are applied. */
    private volatile boolean trusted;

    /**
     * {@link System#nanoTime()} at which the last look at the journal stops vouching for
     * the cache.
     */
    private volatile long trustedUntil;

    /**
     * Counts changes that could not reach the cache; guarded by {@code this}, with the
     * trust decision.
     */
    private long unapplied;

    /**
     * This instance's oldest record that may still be in the journal; guarded by
     * {@code this}.
     */
    private Recorded firstRecorded;

    /**
     * A record of this instance: its id, and a {@link System#nanoTime()} after its
     * commit.
     */
    private record Recorded(long id, long committedAt) {
    }

    GuardedHistoryCache(HistoryCache delegate, Runnable ping, PendingInvalidations pending, MeterRegistry meters,
            Duration timeout, Duration breakerOpen, Duration lease) {
        this.delegate = delegate;
        this.ping = ping;
        this.pending = pending;
        this.lease = lease;
        this.breaker = CircuitBreaker.of("history-cache", CircuitBreakerConfig.custom()
            // a short window: after many good calls, a window of 20 needed ten timeouts
            // (four requests of about a second each) before it opened; two of the last
            // four open it, and being open costs nothing but reads from the database
            .slidingWindowSize(4)
            .minimumNumberOfCalls(2)
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

    /**
     * Whether the cache may be read: no known unapplied invalidation, and the last look
     * at the journal is recent.
     */
    boolean trusted() {
        return trusted && System.nanoTime() - trustedUntil < 0;
    }

    /** A direct ping, outside the breaker: for health checks. */
    boolean reachable() {
        try {
            ping.run();
            return true;
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public Optional<byte[]> chat(UserId user, ChatId chat) {
        return trusted() ? guarded(() -> delegate.chat(user, chat), Optional.empty()) : Optional.empty();
    }

    @Override
    public boolean fillChat(UserId user, ChatId chat, long version, byte[] json) {
        return trusted() && counted(guarded(() -> delegate.fillChat(user, chat, version, json), null));
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
        return trusted() ? guarded(() -> delegate.listStamp(user), -1L) : -1L;
    }

    @Override
    public Optional<List<IndexEntry>> page(UserId user, ListCursor after, int limit) {
        return trusted() ? guarded(() -> delegate.page(user, after, limit), Optional.empty()) : Optional.empty();
    }

    @Override
    public boolean fillIndex(UserId user, long stamp, List<IndexEntry> entries) {
        return trusted() && stamp >= 0 && counted(guarded(() -> delegate.fillIndex(user, stamp, entries), null));
    }

    @Override
    public void invalidate(UserId user, Map<ChatId, Long> floors) {
        breaker.executeRunnable(() -> delegate.invalidate(user, floors));
    }

    /**
     * Applies the recorded invalidations (from any instance) and decides whether the
     * cache can be trusted, for one lease from the start of the look that found the
     * journal empty.
     */
    @Scheduled(fixedDelayString = "${docent.cache.recovery-interval:250}")
    void recover() {
        boolean wasTrusted = trusted();
        long unappliedBefore;
        synchronized (this) {
            unappliedBefore = unapplied;
        }
        try {
            if (!wasTrusted) {
                breaker.executeRunnable(ping);
            }
            long asked = System.nanoTime();
            List<PendingInvalidations.Pending> batch = pending.oldest(500);
            while (!batch.isEmpty()) {
                trusted = false;
                apply(batch);
                asked = System.nanoTime();
                batch = pending.oldest(500);
            }
            synchronized (this) {
                trustedUntil = asked + lease.toNanos();
                // A change that failed since we looked at the journal may not have been
                // in it yet.
                trusted = breaker.getState() == CircuitBreaker.State.CLOSED && unapplied == unappliedBefore;
            }
            if (!wasTrusted && trusted) {
                log.info("History cache is trusted");
            }
        }
        catch (RuntimeException e) {
            trusted = false;
            log.debug("History cache still unavailable: {}", e.toString());
        }
    }

    private void apply(List<PendingInvalidations.Pending> batch) {
        Map<UserId, Map<ChatId, Long>> byUser = new LinkedHashMap<>();
        for (PendingInvalidations.Pending p : batch) {
            Map<ChatId, Long> floors = byUser.computeIfAbsent(p.user(), u -> new LinkedHashMap<>());
            if (p.chat() != null) {
                floors.merge(p.chat(), p.floor(), Math::max);
            }
        }
        byUser.forEach(this::invalidate);
        pending.remove(batch.stream().map(PendingInvalidations.Pending::id).toList());
    }

    /**
     * While this instance knows of no trouble the change goes to Redis: it is versioned,
     * so applying it is safe whatever the cache holds, and only an unconfirmed one is
     * recorded.
     */
    private void applyOrRecord(UserId user, ChatId chat, Runnable change) {
        if (trusted) {
            try {
                breaker.executeRunnable(change);
                return;
            }
            catch (RuntimeException e) {
                errors.increment();
                log.debug("History cache write unconfirmed, recording the invalidation: {}", e.toString());
            }
        }
        trusted = false;
        long id = -1;
        try {
            id = pending.record(user, chat);
        }
        catch (RuntimeException e) {
            log.error("Could not record a cache invalidation for chat {}", chat, e);
        }
        Recorded recorded = new Recorded(id, System.nanoTime());
        Recorded first;
        synchronized (this) {
            unapplied++;
            trusted = false;
            first = firstRecorded == null ? recorded : firstRecorded;
            firstRecorded = first;
        }
        awaitEveryInstanceDistrusting(recorded, first);
    }

    /**
     * An instance that looked at the journal before a record was committed reads from
     * Redis until its lease runs out, at most one lease after the commit; one that looks
     * later sees the record, and trusts the cache again only once the journal is empty.
     * So the wait ends one lease after the commit of this record, or of an earlier one
     * still held (the journal has not been empty since). No wait when the journal has
     * held a record for two leases (the second one covers the gap between a row's
     * timestamp and its commit).
     */
    private void awaitEveryInstanceDistrusting(Recorded recorded, Recorded first) {
        long deadline = recorded.committedAt() + lease.toNanos();
        try {
            PendingInvalidations.Held held = pending.held(first.id());
            if (held.oldest().compareTo(lease.multipliedBy(2)) >= 0) {
                return;
            }
            if (held.holds()) {
                deadline = Math.min(deadline, first.committedAt() + lease.toNanos());
            }
            else {
                synchronized (this) {
                    firstRecorded = recorded;
                }
            }
        }
        catch (RuntimeException e) {
            log.debug("Could not look at the cache invalidations; waiting a whole lease: {}", e.toString());
        }
        long left = deadline - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> T guarded(Supplier<T> call, T fallback) {
        try {
            return breaker.executeSupplier(call);
        }
        catch (RuntimeException e) {
            errors.increment();
            log.debug("History cache unavailable: {}", e.toString());
            return fallback;
        }
    }

    /**
     * A fill the cache refused (it holds newer state) is counted; a failed one was
     * counted as an error.
     */
    private boolean counted(Boolean accepted) {
        if (Boolean.FALSE.equals(accepted)) {
            rejectedFills.increment();
        }
        return Boolean.TRUE.equals(accepted);
    }

}
