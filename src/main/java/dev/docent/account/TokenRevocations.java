package dev.docent.account;

import dev.docent.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Access tokens that stop working before they expire: every token of a session (a refresh
 * family) that was logged out or found stolen, and every token of an account older than
 * its current generation (a changed password or role). The database holds the list; each
 * instance keeps the live part in memory, reads what other instances added every
 * {@code docent.auth.revocation-sync-interval}, and checks a token with two map lookups.
 * An entry outlives the tokens it refuses by the validator's clock skew, then is
 * forgotten.
 */
@Component
class TokenRevocations implements InitializingBean {

    private record Generation(long minimum, Instant until) {
    }

    /**
     * Rows are numbered as they are inserted but may commit out of order: recent ones are
     * read again.
     */
    private static final Duration LATE_COMMITS = Duration.ofSeconds(10);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Duration lifetime;

    private final Map<String, Instant> families = new ConcurrentHashMap<>();

    private final Map<String, Generation> generations = new ConcurrentHashMap<>();

    private long lastId;

    TokenRevocations(JdbcClient jdbc, Clock clock, AuthSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = settings.jwt().accessTokenTtl().plus(CLOCK_SKEW);
    }

    /**
     * Read before the server takes requests, so that a restarted instance honours earlier
     * revocations.
     */
    @Override
    public void afterPropertiesSet() {
        sync();
    }

    boolean refuses(Jwt token) {
        if (!families.isEmpty() && families.containsKey((String) token.getClaims().get(AccessTokenClaims.FAMILY))) {
            return true;
        }
        Generation generation = generations.isEmpty() ? null : generations.get(token.getSubject());
        return generation != null
                && ((Number) token.getClaims().get(AccessTokenClaims.GENERATION)).longValue() < generation.minimum();
    }

    void family(UUID familyId) {
        Instant until = clock.instant().plus(lifetime);
        insert(familyId, null, null, until);
        afterCommit(() -> families.merge(familyId.toString(), until, TokenRevocations::later));
    }

    void account(UserId account, long generation) {
        Instant until = clock.instant().plus(lifetime);
        insert(null, account.value(), generation, until);
        afterCommit(() -> applyGeneration(account.toString(), generation, until));
    }

    @Scheduled(fixedDelayString = "${docent.auth.revocation-sync-interval:1s}")
    synchronized void sync() {
        Instant now = clock.instant();
        jdbc.sql("""
                select id, family_id, account_id, generation, expires_at from token_revocations
                where expires_at > ? and (id > ? or created_at > ?)""")
            .params(Timestamp.from(now), lastId, Timestamp.from(now.minus(LATE_COMMITS)))
            .query(rs -> {
                lastId = Math.max(lastId, rs.getLong("id"));
                Instant until = rs.getTimestamp("expires_at").toInstant();
                UUID family = rs.getObject("family_id", UUID.class);
                if (family != null) {
                    families.merge(family.toString(), until, TokenRevocations::later);
                }
                else {
                    applyGeneration(rs.getObject("account_id", UUID.class).toString(), rs.getLong("generation"), until);
                }
            });
        families.values().removeIf(now::isAfter);
        generations.values().removeIf(g -> now.isAfter(g.until()));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.sql("delete from token_revocations where expires_at < ?")
            .param(Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
            .update();
    }

    private void insert(UUID family, UUID account, Long generation, Instant until) {
        jdbc.sql("""
                insert into token_revocations (family_id, account_id, generation, expires_at, created_at)
                values (?, ?, ?, ?, ?)""")
            .params(family, account, generation, Timestamp.from(until), Timestamp.from(clock.instant()))
            .update();
    }

    private void applyGeneration(String account, long generation, Instant until) {
        generations.merge(account, new Generation(generation, until),
                (a, b) -> new Generation(Math.max(a.minimum(), b.minimum()), later(a.until(), b.until())));
    }

    /**
     * Inside a transaction that may still roll back, this instance applies the revocation
     * only once it holds.
     */
    private static void afterCommit(Runnable apply) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            apply.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                apply.run();
            }
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
