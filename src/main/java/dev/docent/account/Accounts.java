package dev.docent.account;

import dev.docent.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table. Usernames are stored lower-case: they are unique regardless of case. */
@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account) {
        jdbc.sql("""
                insert into accounts (id, username, email, password_hash, role, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(account.id().value(), account.username(), account.email(), account.passwordHash(),
                        account.role().name(), Timestamp.from(account.createdAt()))
                .update();
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("select * from accounts where username = ?").param(username.toLowerCase())
                .query(Accounts::map).optional();
    }

    Optional<Account> byId(UserId id) {
        return jdbc.sql("select * from accounts where id = ?").param(id.value()).query(Accounts::map).optional();
    }

    void updateCredentials(UserId id, String passwordHash, Role role) {
        jdbc.sql("update accounts set password_hash = ?, role = ? where id = ?")
                .params(passwordHash, role.name(), id.value()).update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
                rs.getString("email"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }
}
