package dev.docent.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.docent.shared.Problem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Requests per minute per key (and per widget visitor of a public key), counted by each
 * instance: behind N instances a key gets at most N times its limit.
 */
@Component
class KeyThrottle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();

    void take(ApiKey key) {
        take(key.id() + ":" + key.requestsPerMinute(), key.requestsPerMinute(), "for this API key");
    }

    void take(ApiKey key, String visitor) {
        take(key.id() + ":v:" + visitor + ":" + key.visitorRequestsPerMinute(), key.visitorRequestsPerMinute(),
                "for this visitor");
    }

    private void take(String bucketKey, int perMinute, String scope) {
        Bucket bucket = buckets.get(bucketKey, k -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
            .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw Problem
                .tooManyRequests("rate-limited", "Too many requests",
                        "More than " + perMinute + " requests a minute " + scope + "; try again in " + seconds + " s")
                .withRetryAfter(seconds);
        }
    }

}
