package dev.docent.account;

import dev.docent.shared.UserId;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user of the current request, as the verified access token says. */
public record CurrentUser(UserId id, String username, Role role) {

    static final String USERNAME_CLAIM = "name";

    public static final String ROLE_CLAIM = "role";

    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated user on this request"));
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(new CurrentUser(UserId.of(jwt.getSubject()), jwt.getClaimAsString(USERNAME_CLAIM),
                    Role.valueOf(jwt.getClaimAsString(ROLE_CLAIM))));
        }
        return Optional.empty();
    }
}
