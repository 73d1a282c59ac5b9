package dev.docent.account;

import dev.docent.shared.ConfigurationProblem;
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
import org.springframework.beans.factory.SmartInitializingSingleton;
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
        return new LoginThrottle(settings.auth().loginAttemptsPerMinute(),
                settings.auth().loginAttemptsPerClientPerMinute(), Optional.ofNullable(shared));
    }

    private static ProxyManager<byte[]> proxyManager(LettuceConnectionFactory factory) {
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
            .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
        return switch (factory.getNativeClient()) {
            case RedisClusterClient cluster ->
                LettuceBasedProxyManager.builderFor(cluster).withExpirationStrategy(expiry).build();
            case RedisClient client ->
                LettuceBasedProxyManager.builderFor(client).withExpirationStrategy(expiry).build();
            default -> throw new IllegalStateException("unsupported Redis client " + factory.getNativeClient());
        };
    }

    /**
     * Before the server takes requests: nobody may sign in to the account while it
     * changes hands.
     */
    @Bean
    SmartInitializingSingleton operatorAdmin(AuthSettings settings, AccountService accounts) {
        return () -> {
            AuthSettings.Admin admin = settings.admin();
            if (admin.username().isBlank() != admin.password().isBlank()) {
                throw new ConfigurationProblem("DOCENT_ADMIN_USERNAME and DOCENT_ADMIN_PASSWORD must be set together");
            }
            if (!admin.username().isBlank()) {
                accounts.ensureAdmin(admin.username(), admin.password());
            }
        };
    }

}
