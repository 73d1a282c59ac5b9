package dev.docent.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.docent.shared.Problem;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits failed logins (bucket4j) per client address, whatever the usernames, and per
 * username from one client address: guessing across accounts is throttled, and guesses
 * from elsewhere never lock the real user out. An attempt takes a token from both buckets
 * before the password is checked (so parallel guesses cannot overrun the limit) and gives
 * them back when it succeeds. Shared through Redis when it is configured, so the limits
 * hold across instances; if Redis fails, the instance's own buckets keep limiting.
 */
class LoginThrottle {

    /** What to do once the password has been checked. */
    interface Attempt {

        void succeeded();

    }

    private record Taken(Bucket bucket, ConsumptionProbe probe) {
    }

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final BucketConfiguration perUsername;

    private final BucketConfiguration perClient;

    /**
     * Connects on first use, and again after a failure: Redis may be down when the server
     * starts.
     */
    private final Optional<Supplier<ProxyManager<byte[]>>> connect;

    private volatile ProxyManager<byte[]> shared;

    private final Cache<String, Bucket> local = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();

    LoginThrottle(int perUsernamePerMinute, int perClientPerMinute, Optional<Supplier<ProxyManager<byte[]>>> connect) {
        this.perUsername = perMinute(perUsernamePerMinute);
        this.perClient = perMinute(perClientPerMinute);
        this.connect = connect;
    }

    Attempt attempt(String username, String clientAddress) {
        String client = client(clientAddress);
        Taken fromClient = take("c:" + client, perClient);
        if (!fromClient.probe().isConsumed()) {
            throw limited(fromClient.probe(), "from this address");
        }
        Taken forUsername = take("u:" + username.toLowerCase() + ":" + client, perUsername);
        if (!forUsername.probe().isConsumed()) {
            giveBack(fromClient);
            throw limited(forUsername.probe(), "for this username");
        }
        return () -> {
            giveBack(fromClient);
            giveBack(forUsername);
        };
    }

    /** An IPv6 client usually holds a whole /64, so that is what counts as one client. */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "/64"
                    : InetAddress.getByAddress(bytes).getHostAddress();
        }
        catch (UnknownHostException e) {
            return address;
        }
    }

    private static BucketConfiguration perMinute(int attempts) {
        return BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, Duration.ofMinutes(1)))
            .build();
    }

    private static Problem limited(ConsumptionProbe probe, String scope) {
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        return Problem
            .tooManyRequests("rate-limited", "Too many login attempts",
                    "Too many failed login attempts " + scope + "; try again in " + seconds + " s")
            .withRetryAfter(seconds);
    }

    /**
     * The limit is part of the key: a changed limit starts new buckets instead of
     * inheriting the old size.
     */
    private Taken take(String key, BucketConfiguration configuration) {
        String limited = key + ":" + configuration.getBandwidths()[0].getCapacity();
        if (connect.isPresent()) {
            try {
                if (shared == null) {
                    shared = connect.get().get();
                }
                Bucket bucket = shared.getProxy(("docent:{login:" + limited + "}").getBytes(StandardCharsets.UTF_8),
                        () -> configuration);
                return new Taken(bucket, bucket.tryConsumeAndReturnRemaining(1));
            }
            catch (RuntimeException e) {
                log.debug("Redis rate limiter unavailable, limiting locally: {}", e.toString());
            }
        }
        Bucket bucket = local.get(limited, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
        return new Taken(bucket, bucket.tryConsumeAndReturnRemaining(1));
    }

    private static void giveBack(Taken taken) {
        try {
            taken.bucket().addTokens(1);
        }
        catch (RuntimeException e) {
            log.debug("could not return a login token: {}", e.toString());
        }
    }

}
