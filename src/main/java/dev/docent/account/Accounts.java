package dev.docent.account;

import dev.docent.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts table. Usernames are stored lower-case: they are unique regardless of
 * case.
 */
@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account) {
        jdbc.sql("""
                insert into accounts (id, username, email, password_hash, role, created_at, operator_managed,
                                      last_visit_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(account.id().value(), account.username(), account.email(), account.passwordHash(),
                    account.role().name(), Timestamp.from(account.createdAt()), account.operatorManaged(),
                    account.role() == Role.GUEST ? Timestamp.from(account.createdAt()) : null)
            .update();
    }

    /** Records a guest's visit; false when the guest account is gone (swept). */
    boolean visited(UserId guest, Instant now) {
        return jdbc.sql("update accounts set last_visit_at = ? where id = ? and role = 'GUEST'")
            .params(Timestamp.from(now), guest.value())
            .update() == 1;
    }

    /** Guest accounts with an id above {@code after} (all when null), in id order. */
    List<GuestAccounts.Visit> guestsAfter(UUID after, int limit) {
        return jdbc
            .sql("select id, last_visit_at from accounts where role = 'GUEST'" + (after == null ? "" : " and id > ?")
                    + " order by id limit ?")
            .params(after == null ? List.of(limit) : List.of(after, limit))
            .query((rs, row) -> new GuestAccounts.Visit(new UserId(rs.getObject("id", UUID.class)),
                    rs.getTimestamp("last_visit_at").toInstant()))
            .list();
    }

    /**
     * Deletes those of {@code guests} that are guest accounts not visited since
     * {@code before}: a visit meanwhile keeps the row.
     */
    int deleteGuestsNotVisitedSince(Collection<UserId> guests, Instant before) {
        if (guests.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from accounts where role = 'GUEST' and last_visit_at < :before and id in (:ids)")
            .param("before", Timestamp.from(before))
            .param("ids", guests.stream().map(UserId::value).toList())
            .update();
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("select * from accounts where username = ?")
            .param(username.toLowerCase())
            .query(Accounts::map)
            .optional();
    }

    Optional<Account> byId(UserId id) {
        return jdbc.sql("select * from accounts where id = ?").param(id.value()).query(Accounts::map).optional();
    }

    /**
     * Reads the account and holds its row until the transaction ends: credentials cannot
     * change meanwhile.
     */
    Optional<Account> lock(UserId id) {
        return jdbc.sql("select * from accounts where id = ? for update")
            .param(id.value())
            .query(Accounts::map)
            .optional();
    }

    List<Account> operatorManaged() {
        return jdbc.sql("select * from accounts where operator_managed").query(Accounts::map).list();
    }

    /**
     * Sets the credentials and starts a new token generation; returns that generation.
     */
    long updateCredentials(UserId id, String passwordHash, Role role, boolean operatorManaged) {
        jdbc.sql("""
                update accounts set password_hash = ?, role = ?, operator_managed = ?,
                       token_generation = token_generation + 1 where id = ?""")
            .params(passwordHash, role.name(), operatorManaged, id.value())
            .update();
        return jdbc.sql("select token_generation from accounts where id = ?")
            .param(id.value())
            .query(Long.class)
            .single();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"), rs.getString("email"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("operator_managed"),
                rs.getLong("token_generation"));
    }

}
