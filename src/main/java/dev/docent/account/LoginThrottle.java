package dev.docent.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.docent.shared.Problem;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Per-username limit on login attempts (bucket4j). Shared through Redis when it is configured, so the
 * limit holds across instances; if Redis fails, the instance's own buckets keep limiting.
 */
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final BucketConfiguration configuration;
    /** Connects on first use, and again after a failure: Redis may be down when the server starts. */
    private final Optional<Supplier<ProxyManager<byte[]>>> connect;
    private volatile ProxyManager<byte[]> shared;
    private final Cache<String, Bucket> local = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    LoginThrottle(int attemptsPerMinute, Optional<Supplier<ProxyManager<byte[]>>> connect) {
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(attemptsPerMinute).refillGreedy(attemptsPerMinute, Duration.ofMinutes(1)))
                .build();
        this.connect = connect;
    }

    void attempt(String username) {
        ConsumptionProbe probe = consume(username.toLowerCase());
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many login attempts",
                    "Too many login attempts for this username; try again in " + seconds + " s")
                    .withRetryAfter(seconds);
        }
    }

    private ConsumptionProbe consume(String key) {
        if (connect.isPresent()) {
            try {
                if (shared == null) {
                    shared = connect.get().get();
                }
                return shared.getProxy(("docent:{login:" + key + "}").getBytes(StandardCharsets.UTF_8),
                        () -> configuration).tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException e) {
                log.debug("Redis rate limiter unavailable, limiting locally: {}", e.toString());
            }
        }
        return local.get(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1);
    }
}
