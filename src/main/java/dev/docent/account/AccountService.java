package dev.docent.account;

import dev.docent.shared.ConfigurationProblem;
import dev.docent.shared.Ids;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, login, refresh-token rotation with reuse detection, logout. */
@Service
public class AccountService {

    public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    public record SignedUp(UUID id, String username) {
    }

    public record Me(UUID id, String username, Role role) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** BCrypt reads at most 72 bytes of a password; a longer one would be silently cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;
    /** Letters, digits, '_', '.' and '-': the sign-up form and the configured admin follow the same rule. */
    public static final String USERNAME_CHARACTERS = "[A-Za-z0-9_.-]+";

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final JwtEncoder jwtEncoder;
    private final AuthSettings settings;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Compared against when the username is unknown, so both paths cost one slow hash. */
    private final String decoyHash;

    AccountService(Accounts accounts, RefreshTokens refreshTokens, PasswordEncoder passwords, JwtEncoder jwtEncoder,
            AuthSettings settings, LoginThrottle throttle, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.jwtEncoder = jwtEncoder;
        this.settings = settings;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-" + RANDOM.nextLong());
    }

    public SignedUp signUp(String username, String password, String email) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw Problem.invalid("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        Account account = new Account(new UserId(Ids.newUuid7()), username.toLowerCase(), email,
                passwords.encode(password), Role.USER, clock.instant());
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("username-taken", "The username '" + username + "' is already taken");
        }
        return new SignedUp(account.id().value(), account.username());
    }

    public TokenPair login(String username, String password) {
        throttle.attempt(username);
        Account account = accounts.byUsername(username).orElse(null);
        boolean matches = passwords.matches(password, account == null ? decoyHash : account.passwordHash());
        if (account == null || !matches) {
            throw unauthorized("Wrong username or password");
        }
        TokenPair pair = issue(account, UUID.randomUUID());
        events.publishEvent(new UserLoggedIn(account.id()));
        return pair;
    }

    /** Reuse detection must survive the 401 that follows it, hence no rollback for problems. */
    @Transactional(noRollbackFor = Problem.class)
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshTokens.Stored stored = refreshTokens.byHash(hash(refreshToken))
                .orElseThrow(() -> unauthorized("Unknown refresh token"));
        if (stored.revoked() || stored.expiresAt().isBefore(now)) {
            throw unauthorized("The refresh token has expired or was revoked");
        }
        if (!refreshTokens.markRotated(stored.id(), now)) {
            refreshTokens.revokeFamily(stored.familyId(), now);
            throw unauthorized("The refresh token was already used; its whole family is revoked");
        }
        Account account = accounts.byId(stored.accountId()).orElseThrow(() -> unauthorized("Unknown account"));
        return issue(account, stored.familyId());
    }

    public void logout(String refreshToken) {
        refreshTokens.byHash(hash(refreshToken))
                .ifPresent(stored -> refreshTokens.revokeFamily(stored.familyId(), clock.instant()));
    }

    /** How long a refresh token lasts: a browser keeps its session cookie as long. */
    public java.time.Duration refreshTokenTtl() {
        return settings.jwt().refreshTokenTtl();
    }

    public Me me(CurrentUser user) {
        Account account = accounts.byId(user.id()).orElseThrow(() -> unauthorized("Unknown account"));
        return new Me(account.id().value(), account.username(), account.role());
    }

    /** Creates the configured ADMIN, or brings its password and role up to date. */
    void ensureAdmin(String username, String password) {
        if (password.length() < 10 || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ConfigurationProblem("DOCENT_ADMIN_PASSWORD must be 10 to " + MAX_PASSWORD_BYTES + " bytes long");
        }
        if (username.length() < 3 || username.length() > 32 || !username.matches(USERNAME_CHARACTERS)) {
            throw new ConfigurationProblem("DOCENT_ADMIN_USERNAME must be 3 to 32 letters, digits, '_', '.' or '-'");
        }
        String hash = passwords.encode(password);
        accounts.byUsername(username).ifPresentOrElse(
                existing -> accounts.updateCredentials(existing.id(), hash, Role.ADMIN),
                () -> accounts.insert(new Account(new UserId(Ids.newUuid7()), username.toLowerCase(), null, hash,
                        Role.ADMIN, clock.instant())));
    }

    private TokenPair issue(Account account, UUID familyId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("docent")
                .id(UUID.randomUUID().toString())
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.jwt().accessTokenTtl()))
                .claim(CurrentUser.USERNAME_CLAIM, account.username())
                .claim(CurrentUser.ROLE_CLAIM, account.role().name())
                .build();
        String access = jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        refreshTokens.insert(familyId, account.id(), hash(refresh), now.plus(settings.jwt().refreshTokenTtl()), now);
        return new TokenPair(access, refresh, "Bearer", settings.jwt().accessTokenTtl().toSeconds());
    }

    private static Problem unauthorized(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
