package dev.docent.chat;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cache invalidations that could not reach Redis, kept in the database so that no instance trusts
 * Redis again before they are applied.
 */
@Repository
class PendingInvalidations {

    record Pending(long id, UserId user, ChatId chat) {
    }

    private final JdbcClient jdbc;

    PendingInvalidations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UserId user, ChatId chat, Instant now) {
        jdbc.sql("insert into cache_invalidations (user_id, chat_id, created_at) values (?, ?, ?)")
                .params(user.value(), chat == null ? null : chat.value(), Timestamp.from(now)).update();
    }

    List<Pending> oldest(int limit) {
        return jdbc.sql("select id, user_id, chat_id from cache_invalidations order by id limit ?").param(limit)
                .query((rs, row) -> {
                    UUID chat = rs.getObject("chat_id", UUID.class);
                    return new Pending(rs.getLong("id"), new UserId(rs.getObject("user_id", UUID.class)),
                            chat == null ? null : new ChatId(chat));
                }).list();
    }

    boolean any() {
        return jdbc.sql("select count(*) from (select 1 from cache_invalidations limit 1) p").query(Integer.class)
                .single() > 0;
    }

    void remove(List<Long> ids) {
        jdbc.sql("delete from cache_invalidations where id in (:ids)").param("ids", ids).update();
    }
}
