package dev.docent.account;

import dev.docent.shared.UserId;
import dev.docent.shared.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Short-lived access tokens for the anonymous visitors of a widget (decision 0018): role
 * GUEST, bound to the public key and a visitor id. Each key and visitor owns one guest
 * account row, so their chats are stored, scoped and deleted like anyone's.
 */
@Service
public class GuestCredentials {

    /** The public API key the guest came through. */
    static final String KEY_CLAIM = "dk";

    /** The visitor: a random secret the widget keeps to find its chats again. */
    static final String VISITOR_CLAIM = "vis";

    /** Cannot be a BCrypt hash: no password ever signs a guest in. */
    static final String NO_PASSWORD = "!guest";

    /** The prefix of guest usernames; '~' is not allowed in a chosen username. */
    static final String USERNAME_PREFIX = "~guest-";

    /** The guest of a request, as its verified token says. */
    public record Guest(UserId id, UUID keyId, String visitor) {
    }

    public record Credential(String token, Instant expiresAt, String visitor) {
    }

    private final Accounts accounts;

    private final JwtEncoder encoder;

    private final AuthSettings settings;

    private final Clock clock;

    GuestCredentials(Accounts accounts, JwtEncoder encoder, AuthSettings settings, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A token for the visitor of the key, creating their guest account the first time.
     */
    public Credential issue(UUID keyId, String visitor, Duration ttl) {
        if (ttl.compareTo(GuestAccounts.LONGEST_CREDENTIAL) > 0) {
            throw new IllegalArgumentException("A guest credential lasts at most " + GuestAccounts.LONGEST_CREDENTIAL);
        }
        Instant now = clock.instant();
        Account account = account(keyId, visitor, now);
        Instant expires = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(settings.jwt().issuer())
            .id(UUID.randomUUID().toString())
            .subject(account.id().toString())
            .issuedAt(now)
            .expiresAt(expires)
            .claim(CurrentUser.USERNAME_CLAIM, account.username())
            .claim(CurrentUser.ROLE_CLAIM, Role.GUEST.name())
            .claim(AccessTokenClaims.FAMILY, UUID.randomUUID().toString())
            .claim(AccessTokenClaims.GENERATION, account.tokenGeneration())
            .claim(KEY_CLAIM, keyId.toString())
            .claim(VISITOR_CLAIM, visitor)
            .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
        return new Credential(token, expires, visitor);
    }

    /** The guest of the current request, when a guest token authenticated it. */
    public static Optional<Guest> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt
                && Role.GUEST.name().equals(jwt.getClaimAsString(CurrentUser.ROLE_CLAIM))) {
            try {
                return Optional.of(new Guest(UserId.of(jwt.getSubject()),
                        UUID.fromString(jwt.getClaimAsString(KEY_CLAIM)), jwt.getClaimAsString(VISITOR_CLAIM)));
            }
            catch (RuntimeException e) {
                // a guest token without its key cannot be served
                return Optional.of(new Guest(UserId.of(jwt.getSubject()), null, null));
            }
        }
        return Optional.empty();
    }

    /**
     * The visitor's guest account, its visit recorded: the retention sweep keeps it while
     * the credential lives. One swept meanwhile is created again (it owned no chat).
     */
    private Account account(UUID keyId, String visitor, Instant now) {
        String username = USERNAME_PREFIX + sha256(keyId + "/" + visitor).substring(0, 40);
        Optional<Account> existing = accounts.byUsername(username);
        if (existing.isPresent() && accounts.visited(existing.get().id(), now)) {
            return existing.get();
        }
        Account created = new Account(new UserId(Ids.newUuid7()), username, null, NO_PASSWORD, Role.GUEST, now, false,
                0);
        try {
            accounts.insert(created);
            return created;
        }
        catch (DuplicateKeyException raced) {
            Account other = accounts.byUsername(username).orElseThrow();
            accounts.visited(other.id(), now);
            return other;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
