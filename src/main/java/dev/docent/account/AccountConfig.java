package dev.docent.account;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
class AccountConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LoginThrottle loginThrottle(AuthSettings settings, ObjectProvider<LettuceConnectionFactory> redis) {
        LettuceConnectionFactory factory = redis.getIfAvailable();
        Supplier<ProxyManager<byte[]>> shared = factory == null ? null : () -> proxyManager(factory);
        return new LoginThrottle(settings.auth().loginAttemptsPerMinute(), Optional.ofNullable(shared));
    }

    private static ProxyManager<byte[]> proxyManager(LettuceConnectionFactory factory) {
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
        return switch (factory.getNativeClient()) {
            case RedisClusterClient cluster -> LettuceBasedProxyManager.builderFor(cluster)
                    .withExpirationStrategy(expiry).build();
            case RedisClient client -> LettuceBasedProxyManager.builderFor(client)
                    .withExpirationStrategy(expiry).build();
            default -> throw new IllegalStateException("unsupported Redis client " + factory.getNativeClient());
        };
    }

    @Bean
    ApplicationRunner adminAccount(AuthSettings settings, AccountService accounts) {
        return args -> {
            AuthSettings.Admin admin = settings.admin();
            if (!admin.username().isBlank() && !admin.password().isBlank()) {
                accounts.ensureAdmin(admin.username(), admin.password());
            }
        };
    }
}
