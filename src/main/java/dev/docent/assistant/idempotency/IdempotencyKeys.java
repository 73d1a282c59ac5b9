package dev.docent.assistant.idempotency;

import dev.docent.shared.UserId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Remembers each {@code Idempotency-Key} a user sent with a post and what it produced, so
 * that a retry returns the first result instead of storing the message twice.
 */
@Repository
public class IdempotencyKeys {

    /** What claiming a key found. */
    public sealed interface Claim {

    }

    /** The key is this request's now: go ahead. */
    public record Claimed() implements Claim {
    }

    /** A finished request: its HTTP status and JSON body, to replay. */
    public record Stored(int status, String body) implements Claim {
    }

    /** A request with this key is still being processed. */
    public record InProgress() implements Claim {
    }

    /**
     * The request holding the key let go of it while this one looked: retrying will claim
     * it.
     */
    public record Released() implements Claim {
    }

    /** The key was already used for a different request. */
    public record Reused() implements Claim {
    }

    private record Row(String requestHash, Integer status, String body, Instant claimedAt) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, or says why it cannot be: the earlier result to
     * replay, a key still being processed, a key used for a different request. A claim
     * older than {@code staleBefore} belonged to a request that died, and is taken over.
     */
    public Claim claim(UserId user, String key, String requestHash, Instant now, Instant staleBefore) {
        try {
            insert(user, key, requestHash, now);
            return new Claimed();
        }
        catch (DuplicateKeyException taken) {
            Optional<Row> row = jdbc
                .sql("select request_hash, status, response, created_at from idempotency_keys"
                        + " where user_id = ? and idem_key = ?")
                .params(user.value(), key)
                .query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
            if (row.isEmpty()) {
                return new Released();
            }
            Row claim = row.get();
            if (!claim.requestHash().equals(requestHash)) {
                return new Reused();
            }
            if (claim.status() != null) {
                return new Stored(claim.status(), claim.body());
            }
            if (claim.claimedAt().isBefore(staleBefore) && takeOver(user, key, claim.claimedAt(), now)) {
                return new Claimed();
            }
            return new InProgress();
        }
    }

    /**
     * Keys are for retries of one request, not forever: a day later they are forgotten.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldKeys() {
        jdbc.sql("delete from idempotency_keys where created_at < ?")
            .param(Timestamp.from(Instant.now().minus(Duration.ofDays(1))))
            .update();
    }

    public void complete(UserId user, String key, int status, String body) {
        jdbc.sql("update idempotency_keys set status = ?, response = ? where user_id = ? and idem_key = ?")
            .params(status, body, user.value(), key)
            .update();
    }

    public void release(UserId user, String key) {
        jdbc.sql("delete from idempotency_keys where user_id = ? and idem_key = ? and status is null")
            .params(user.value(), key)
            .update();
    }

    private void insert(UserId user, String key, String requestHash, Instant now) {
        jdbc.sql("insert into idempotency_keys (user_id, idem_key, request_hash, created_at) values (?, ?, ?, ?)")
            .params(user.value(), key, requestHash, Timestamp.from(now))
            .update();
    }

    private boolean takeOver(UserId user, String key, Instant claimedAt, Instant now) {
        return jdbc
            .sql("update idempotency_keys set created_at = ? where user_id = ? and idem_key = ?"
                    + " and status is null and created_at = ?")
            .params(Timestamp.from(now), user.value(), key, Timestamp.from(claimedAt))
            .update() == 1;
    }

}
