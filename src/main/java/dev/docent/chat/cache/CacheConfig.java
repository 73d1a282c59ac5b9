package dev.docent.chat.cache;

import dev.docent.chat.cache.keys.CacheKeys;
import dev.docent.shared.redis.RedisSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Picks the history cache adapter: Redis when configured, in-process otherwise, none when
 * disabled.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfig {

    /**
     * Redis unreachable, or recorded invalidations not yet applied: the instance serves
     * every read from the database, so it is degraded, not down. Answered with a 200
     * (management.endpoint.health.status in application.yml), so a probe of
     * /actuator/health does not take serving instances out.
     */
    static final Status DEGRADED = new Status("DEGRADED");

    @Bean
    HistoryCache historyCache(CacheSettings settings, RedisSettings redisSettings,
            ObjectProvider<StringRedisTemplate> redis, PendingInvalidations pending, MeterRegistry meters) {
        if (!settings.enabled()) {
            return new NoHistoryCache();
        }
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            return new LocalHistoryCache(settings, 200_000);
        }
        return new GuardedHistoryCache(new RedisHistoryCache(template, CacheKeys.DEFAULT, settings),
                () -> template.execute(connection -> connection.ping(), true), pending, meters, redisSettings.timeout(),
                settings.breakerOpen(), settings.trustLease());
    }

    @Bean
    HealthIndicator cache(HistoryCache cache) {
        return () -> switch (cache) {
            case GuardedHistoryCache redis when redis.trusted() && redis.reachable() ->
                Health.up().withDetail("adapter", "redis").withDetail("breaker", redis.breakerState().name()).build();
            case GuardedHistoryCache redis -> Health.status(DEGRADED)
                .withDetail("adapter", "redis")
                .withDetail("breaker", redis.breakerState().name())
                .withDetail("reason", "unreachable, or recorded invalidations not yet applied")
                .build();
            case LocalHistoryCache local -> Health.up().withDetail("adapter", "in-process").build();
            default -> Health.up().withDetail("adapter", "disabled").build();
        };
    }

}
