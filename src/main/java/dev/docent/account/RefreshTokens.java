package dev.docent.account;

import dev.docent.shared.UserId;
import dev.docent.shared.id.Ids;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens, stored as SHA-256 hashes, grouped in families (one login and its
 * rotations).
 */
@Repository
class RefreshTokens {

    record Stored(UUID id, UUID familyId, UserId accountId, Instant expiresAt, boolean rotated, boolean revoked) {
    }

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID familyId, UserId accountId, String tokenHash, Instant expiresAt, Instant now) {
        jdbc.sql("""
                insert into refresh_tokens (id, family_id, account_id, token_hash, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?)""")
            .params(Ids.newUuid7(), familyId, accountId.value(), tokenHash, Timestamp.from(expiresAt),
                    Timestamp.from(now))
            .update();
    }

    Optional<Stored> byHash(String tokenHash) {
        return jdbc.sql("select * from refresh_tokens where token_hash = ?")
            .param(tokenHash)
            .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                    new UserId(rs.getObject("account_id", UUID.class)), rs.getTimestamp("expires_at").toInstant(),
                    rs.getTimestamp("rotated_at") != null, rs.getTimestamp("revoked_at") != null))
            .optional();
    }

    /**
     * Marks the token used; false when another request used it first (which makes this
     * one a reuse).
     */
    boolean markRotated(UUID id, Instant now) {
        return jdbc
            .sql("update refresh_tokens set rotated_at = ? where id = ? and rotated_at is null and revoked_at is null")
            .params(Timestamp.from(now), id)
            .update() == 1;
    }

    /**
     * Expired tokens can never be used again; a week later they are not worth keeping for
     * reuse detection.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.sql("delete from refresh_tokens where expires_at < ?")
            .param(Timestamp.from(Instant.now().minus(Duration.ofDays(7))))
            .update();
    }

    void revokeAccount(UserId accountId, Instant now) {
        jdbc.sql("update refresh_tokens set revoked_at = ? where account_id = ? and revoked_at is null")
            .params(Timestamp.from(now), accountId.value())
            .update();
    }

    void revokeFamily(UUID familyId, Instant now) {
        jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
            .params(Timestamp.from(now), familyId)
            .update();
    }

}
