package dev.docent.share;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Share links in the database, the only place they are kept: a revoked link is gone for
 * every instance at once.
 */
@Repository
class Shares {

    private final JdbcClient jdbc;

    Shares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String token, ChatId chat, UserId owner, String title, String snapshot, Instant now) {
        jdbc.sql("insert into shares (token, chat_id, user_id, title, snapshot, created_at) values (?, ?, ?, ?, ?, ?)")
            .params(token, chat.value(), owner.value(), title, snapshot, Timestamp.from(now))
            .update();
    }

    Optional<String> snapshot(String token) {
        return jdbc.sql("select snapshot from shares where token = ?").param(token).query(String.class).optional();
    }

    List<ShareLink> owned(UserId owner) {
        return jdbc
            .sql("select token, chat_id, title, created_at from shares where user_id = ? order by created_at desc")
            .param(owner.value())
            .query((rs, row) -> ShareLink.of(rs.getString("token"), rs.getObject("chat_id", UUID.class),
                    rs.getString("title"), rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    boolean delete(UserId owner, String token) {
        return jdbc.sql("delete from shares where token = ? and user_id = ?")
            .params(token, owner.value())
            .update() == 1;
    }

}
