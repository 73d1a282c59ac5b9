package dev.docent.shared.redis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
class SharedBucketsConfig {

    @Bean
    SharedBuckets sharedBuckets(RedisSettings settings, ObjectProvider<LettuceConnectionFactory> redis) {
        LettuceConnectionFactory factory = redis.getIfAvailable();
        return factory == null ? SharedBuckets.local()
                : new SharedBuckets(() -> proxyManager(factory, settings.timeout()), settings.timeout());
    }

    /**
     * A bucket's key expires once it would be full again: a minute after its last take.
     */
    static ProxyManager<byte[]> proxyManager(LettuceConnectionFactory factory, Duration timeout) {
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
            .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
        return switch (factory.getNativeClient()) {
            case RedisClusterClient cluster ->
                Bucket4jLettuce.casBasedBuilder(cluster).expirationAfterWrite(expiry).requestTimeout(timeout).build();
            case RedisClient client ->
                Bucket4jLettuce.casBasedBuilder(client).expirationAfterWrite(expiry).requestTimeout(timeout).build();
            default -> throw new IllegalStateException("unsupported Redis client " + factory.getNativeClient());
        };
    }

}
