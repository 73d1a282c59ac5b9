package dev.docent.chat.cache;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled false serves every read from the database (benchmarks, debugging)
 * @param ttl entry lifetime, refreshed on write (env {@code DOCENT_CACHE_TTL})
 * @param jitter up to this much is added to each TTL, so entries filled together expire
 * apart
 * @param warmChats how many recent chats a login warms
 * @param embeddedMessages how many of the newest messages {@code GET /chats/{id}} embeds
 * @param breakerOpen how long a tripped circuit breaker keeps requests away from Redis
 * before probing it
 * @param trustLease how long one look at the invalidation journal lets an instance read
 * from Redis; a write whose cache update is unconfirmed waits this long before it is
 * acknowledged. Keep it a few times {@code docent.cache.recovery-interval} (how often
 * instances look).
 */
@ConfigurationProperties("docent.cache")
public record CacheSettings(@DefaultValue("true") boolean enabled, @DefaultValue("600s") Duration ttl,
        @DefaultValue("60s") Duration jitter, @DefaultValue("5") int warmChats,
        @DefaultValue("100") int embeddedMessages, @DefaultValue("5s") Duration breakerOpen,
        @DefaultValue("1s") Duration trustLease) {

    long ttlMillisWithJitter() {
        long jitterMillis = jitter.toMillis();
        return ttl.toMillis() + (jitterMillis <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMillis + 1));
    }
}
