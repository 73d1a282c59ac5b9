package dev.docent.account;

import dev.docent.shared.UserId;

/**
 * Published after a successful login, so other modules can warm what the user will ask
 * for next.
 */
public record UserLoggedIn(UserId userId) {
}
