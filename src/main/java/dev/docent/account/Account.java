package dev.docent.account;

import dev.docent.shared.UserId;
import java.time.Instant;

/**
 * @param operatorManaged the account {@code DOCENT_ADMIN_USERNAME} names: its password
 * and role come from the operator's configuration
 * @param tokenGeneration access tokens of an older generation are refused
 */
record Account(UserId id, String username, String email, String passwordHash, Role role, Instant createdAt,
        boolean operatorManaged, long tokenGeneration) {

    static Account created(UserId id, String username, String email, String passwordHash, Role role, Instant now) {
        return new Account(id, username.toLowerCase(), email, passwordHash, role, now, false, 0);
    }
}
