package dev.docent.account;

import dev.docent.shared.UserId;
import java.time.Instant;

record Account(UserId id, String username, String email, String passwordHash, Role role, Instant createdAt) {
}
