package dev.docent.apikey;

import dev.docent.shared.Problem;
import dev.docent.shared.redis.SharedBuckets;
import org.springframework.stereotype.Component;

/**
 * Requests per minute per key (and per widget visitor of a public key), shared by the
 * instances through Redis when it is configured; without it, or while it fails, each
 * instance counts on its own (behind N instances a key then gets at most N times its
 * limit).
 */
@Component
class KeyThrottle {

    private final SharedBuckets buckets;

    KeyThrottle(SharedBuckets buckets) {
        this.buckets = buckets;
    }

    void take(ApiKey key) {
        take("key:" + key.id(), key.requestsPerMinute(), "for this API key");
    }

    void take(ApiKey key, String visitor) {
        take("key:" + key.id() + ":v:" + visitor, key.visitorRequestsPerMinute(), "for this visitor");
    }

    private void take(String bucket, int perMinute, String scope) {
        SharedBuckets.Taken taken = buckets.take(bucket, perMinute);
        if (!taken.probe().isConsumed()) {
            long seconds = taken.secondsToWait();
            throw Problem
                .tooManyRequests("rate-limited", "Too many requests",
                        "More than " + perMinute + " requests a minute " + scope + "; try again in " + seconds + " s")
                .withRetryAfter(seconds);
        }
    }

}
