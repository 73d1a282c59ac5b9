package dev.docent.shared.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-minute token buckets (bucket4j) that every instance shares through Redis when it is
 * configured, and the instance's own otherwise. Redis only makes a limit hold across
 * instances, so it never holds a request up: a take that Redis has not answered within
 * {@code bound} (down, paused, slow) counts on this instance instead, and for the next
 * {@link #RETRY} every take does, until one request finds Redis answering again.
 */
public final class SharedBuckets {

    /**
     * How long the buckets stay local after Redis failed, before one take tries it again.
     */
    public static final Duration RETRY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    /**
     * Connecting may block until Redis answers, so it never runs on a request's thread.
     */
    private static final Executor CONNECTING = task -> Thread.ofPlatform()
        .daemon()
        .name("shared-buckets-connect")
        .start(task);

    /** A token taken, and how to give it back (to the bucket it came from). */
    public static final class Taken {

        private final ConsumptionProbe probe;

        private final Runnable giveBack;

        private Taken(ConsumptionProbe probe, Runnable giveBack) {
            this.probe = probe;
            this.giveBack = giveBack;
        }

        public ConsumptionProbe probe() {
            return probe;
        }

        public void giveBack() {
            giveBack.run();
        }

        /** Whole seconds until a token is there again; at least 1. */
        public long secondsToWait() {
            return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        }

    }

    /** Null without Redis. */
    private final Supplier<ProxyManager<byte[]>> connect;

    private final Duration bound;

    private final Cache<String, Bucket> local = Caffeine.newBuilder()
        .maximumSize(200_000)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();

    /** {@link System#nanoTime()} until which takes stay local; 0 while Redis answers. */
    private final AtomicLong localUntil = new AtomicLong();

    private CompletableFuture<AsyncProxyManager<byte[]>> connection;

    SharedBuckets(Supplier<ProxyManager<byte[]>> connect, Duration bound) {
        this.connect = connect;
        this.bound = bound;
    }

    /** Buckets of this instance only, as without Redis. */
    public static SharedBuckets local() {
        return new SharedBuckets(null, Duration.ZERO);
    }

    /**
     * Takes one token from the bucket {@code name} of {@code perMinute} tokens, refilled
     * over a minute. The limit is part of the key: a changed limit starts a new bucket
     * instead of inheriting the old size.
     */
    public Taken take(String name, int perMinute) {
        String key = name + ":" + perMinute;
        BucketConfiguration configuration = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
            .build();
        if (mayTryRedis()) {
            try {
                Taken taken = shared(key, configuration).get(bound.toNanos(), TimeUnit.NANOSECONDS);
                if (localUntil.getAndSet(0) != 0) {
                    log.info("Rate limits are shared through Redis again");
                }
                return taken;
            }
            catch (TimeoutException | ExecutionException | RuntimeException e) {
                failed(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(e);
            }
        }
        Bucket bucket = local.get(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
        return new Taken(bucket.tryConsumeAndReturnRemaining(1), () -> bucket.addTokens(1));
    }

    /**
     * While Redis is failing, only the first take after each {@link #RETRY} tries it; the
     * others stay local without waiting.
     */
    private boolean mayTryRedis() {
        if (connect == null) {
            return false;
        }
        long until = localUntil.get();
        if (until == 0) {
            return true;
        }
        long now = System.nanoTime();
        return now - until >= 0 && localUntil.compareAndSet(until, now + RETRY.toNanos());
    }

    private void failed(Exception e) {
        if (localUntil.getAndSet(System.nanoTime() + RETRY.toNanos()) == 0) {
            log.info("Rate limits count on this instance, Redis failed or took over {} ms ({}); trying it again "
                    + "every {} s", bound.toMillis(), e.toString(), RETRY.toSeconds());
        }
    }

    private CompletableFuture<Taken> shared(String key, BucketConfiguration configuration) {
        return connection().thenCompose(manager -> {
            AsyncBucketProxy bucket = manager.builder()
                .build(("docent:{" + key + "}").getBytes(StandardCharsets.UTF_8), configuration);
            return bucket.tryConsumeAndReturnRemaining(1)
                .thenApply(probe -> new Taken(probe, () -> bucket.addTokens(1).exceptionally(e -> {
                    log.debug("could not give a token back to {}: {}", key, e.toString());
                    return null;
                })));
        });
    }

    /** Connects on first use, and again after a failure: Redis may be down at start. */
    private synchronized CompletableFuture<AsyncProxyManager<byte[]>> connection() {
        if (connection == null || connection.isCompletedExceptionally()) {
            connection = CompletableFuture.supplyAsync(() -> connect.get().asAsync(), CONNECTING);
        }
        return connection;
    }

}
