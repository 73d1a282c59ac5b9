package dev.docent.chat.cache;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Cache invalidations that could not reach Redis, kept in the database so that no
 * instance trusts Redis again before they are applied. Times are the database's, so
 * instances' clocks never meet.
 */
@Repository
class PendingInvalidations {

    /**
     * A recorded invalidation, with the chat's version in the database now
     * ({@code floor}; a tombstone if gone).
     */
    record Pending(long id, UserId user, ChatId chat, long floor) {
    }

    private final JdbcClient jdbc;

    PendingInvalidations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an invalidation; returns its id. */
    long record(UserId user, ChatId chat) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into cache_invalidations (user_id, chat_id, created_at) values (?, ?, current_timestamp)")
            .params(user.value(), chat == null ? null : chat.value())
            .update(id, "id");
        return id.getKeyAs(Long.class);
    }

    List<Pending> oldest(int limit) {
        return jdbc.sql("""
                select i.id, i.user_id, i.chat_id, c.version from cache_invalidations i
                left join chats c on c.id = i.chat_id order by i.id limit ?""").param(limit).query((rs, row) -> {
            UUID chat = rs.getObject("chat_id", UUID.class);
            Long version = rs.getObject("version", Long.class);
            return new Pending(rs.getLong("id"), new UserId(rs.getObject("user_id", UUID.class)),
                    chat == null ? null : new ChatId(chat), version == null ? HistoryCache.DELETED : version);
        }).list();
    }

    /**
     * How long the journal has held its oldest row, and whether it still holds row
     * {@code id}.
     */
    record Held(Duration oldest, boolean holds) {
    }

    /**
     * Rows leave only once applied, so the journal has not been empty for at least
     * {@link Held#oldest()}.
     */
    Held held(long id) {
        return jdbc.sql("""
                select current_timestamp as now, min(created_at) as oldest, count(case when id = ? then 1 end) as mine
                from cache_invalidations""").param(id).query((rs, row) -> {
            Timestamp oldest = rs.getTimestamp("oldest");
            return new Held(
                    oldest == null ? Duration.ZERO
                            : Duration.between(oldest.toInstant(), rs.getTimestamp("now").toInstant()),
                    rs.getInt("mine") > 0);
        }).single();
    }

    void remove(List<Long> ids) {
        jdbc.sql("delete from cache_invalidations where id in (:ids)").param("ids", ids).update();
    }

}
