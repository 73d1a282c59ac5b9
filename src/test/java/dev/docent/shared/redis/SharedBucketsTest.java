package dev.docent.shared.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.PausableRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Two instances' buckets on one real Redis process that is not running yet, then started,
 * then killed: never a wait past the timeout, the limit held locally while Redis is away
 * and shared while it answers.
 */
class SharedBucketsTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    static final Duration QUICK = TIMEOUT.plusMillis(300);

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    private PausableRedis redis;

    @AfterEach
    void close() {
        factories.forEach(LettuceConnectionFactory::destroy);
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void redisDownAtStartThenUpThenKilled() throws InterruptedException {
        PausableRedis probe = PausableRedis.start(6462, 6469);
        String url = probe.url();
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        probe.close();
        SharedBuckets one = buckets(url);
        SharedBuckets other = buckets(url);

        String down = bucket();
        assertThat(taken(one, down, 2)).isTrue();
        assertThat(taken(one, down, 2)).isTrue();
        assertThat(taken(one, down, 2)).as("held locally").isFalse();
        assertThat(taken(other, down, 2)).as("the other instance counts on its own").isTrue();

        redis = PausableRedis.start(port, port);
        Thread.sleep(SharedBuckets.RETRY.plusSeconds(1).toMillis());
        String up = bucket();
        assertThat(taken(one, up, 2)).isTrue();
        assertThat(taken(other, up, 2)).isTrue();
        assertThat(taken(one, up, 2)).as("shared").isFalse();
        assertThat(taken(other, up, 2)).as("shared").isFalse();

        redis.close();
        redis = null;
        String killed = bucket();
        assertThat(taken(one, killed, 1)).isTrue();
        assertThat(taken(other, killed, 1)).as("the other instance counts on its own").isTrue();
        assertThat(taken(one, killed, 1)).as("held locally").isFalse();
    }

    /** Takes a token, within the timeout and a little. */
    private static boolean taken(SharedBuckets buckets, String name, int perMinute) {
        long started = System.nanoTime();
        boolean consumed = buckets.take(name, perMinute).probe().isConsumed();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
        return consumed;
    }

    private static String bucket() {
        return "test:" + UUID.randomUUID();
    }

    private SharedBuckets buckets(String url) {
        LettuceConnectionFactory factory = new RedisConnectionConfig()
            .redisConnectionFactory(new RedisSettings(url, "", TIMEOUT));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new SharedBuckets(() -> SharedBucketsConfig.proxyManager(factory, TIMEOUT), TIMEOUT);
    }

}
