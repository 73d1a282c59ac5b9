package dev.docent.account;

import dev.docent.shared.ConfigurationProblem;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import dev.docent.shared.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-up, login, refresh-token rotation with reuse detection, logout. */
@Service
public class AccountService {

    public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    public record SignedUp(UUID id, String username) {
    }

    public record Me(UUID id, String username, Role role) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * BCrypt reads at most 72 bytes of a password; a longer one would be silently cut, so
     * it is refused.
     */
    static final int MAX_PASSWORD_BYTES = 72;

    /**
     * Letters, digits, '_', '.' and '-': the sign-up form and the configured admin follow
     * the same rule.
     */
    public static final String USERNAME_CHARACTERS = "[A-Za-z0-9_.-]+";

    private final Accounts accounts;

    private final RefreshTokens refreshTokens;

    private final PasswordEncoder passwords;

    private final JwtEncoder jwtEncoder;

    private final AuthSettings settings;

    private final LoginThrottle throttle;

    private final TokenRevocations revocations;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    /**
     * Compared against when the username is unknown, so both paths cost one slow hash.
     */
    private final String decoyHash;

    AccountService(Accounts accounts, RefreshTokens refreshTokens, PasswordEncoder passwords, JwtEncoder jwtEncoder,
            AuthSettings settings, LoginThrottle throttle, TokenRevocations revocations,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.jwtEncoder = jwtEncoder;
        this.settings = settings;
        this.throttle = throttle;
        this.revocations = revocations;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-" + RANDOM.nextLong());
    }

    /** Anyone's sign-up, when the operator allows it ({@code DOCENT_AUTH_SIGNUP}). */
    public SignedUp signUp(String username, String password, String email) {
        if (!settings.auth().signup()) {
            throw Problem.forbidden("signup-disabled", "Sign-up is turned off",
                    "This server does not allow sign-up (DOCENT_AUTH_SIGNUP=false); an ADMIN creates accounts");
        }
        Account account = create(username, password, email, Role.USER);
        return new SignedUp(account.id().value(), account.username());
    }

    /** An account an ADMIN creates, sign-up allowed or not. */
    public Me createAccount(String username, String password, String email, Role role) {
        Account account = create(username, password, email, role);
        return new Me(account.id().value(), account.username(), account.role());
    }

    public boolean signUpAllowed() {
        return settings.auth().signup();
    }

    private Account create(String username, String password, String email, Role role) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw Problem.invalid("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        Account account = Account.created(new UserId(Ids.newUuid7()), username, email, passwords.encode(password), role,
                clock.instant());
        try {
            accounts.insert(account);
        }
        catch (DuplicateKeyException e) {
            throw Problem.conflict("username-taken", "The username '" + username + "' is already taken");
        }
        return account;
    }

    /**
     * {@code client} is the request's remote address: the login limits count per client.
     */
    public TokenPair login(String username, String password, String client) {
        LoginThrottle.Attempt attempt = throttle.attempt(username, client);
        Account account = accounts.byUsername(username).orElse(null);
        boolean matches = passwords.matches(password, account == null ? decoyHash : account.passwordHash());
        if (account == null || !matches || account.role() == Role.GUEST) {
            throw unauthorized("Wrong username or password");
        }
        attempt.succeeded();
        TokenPair pair = transactions.execute(status -> issue(unchanged(account), UUID.randomUUID()));
        events.publishEvent(new UserLoggedIn(account.id()));
        return pair;
    }

    /**
     * A signed-in user's new password, given the current one: every session of the
     * account ends (other browsers, API clients, stolen tokens), and the caller gets a
     * new one. Wrong guesses count against the same limits as logins. The operator's
     * admin is refused: its password is {@code DOCENT_ADMIN_PASSWORD}, set again at every
     * start.
     */
    public TokenPair changePassword(CurrentUser user, String currentPassword, String newPassword, String client) {
        Account account = accounts.byId(user.id()).orElseThrow(() -> unauthorized("Unknown account"));
        if (account.role() == Role.GUEST) {
            throw Problem.forbidden("guest", "Guests have no password", "A widget guest has no password to change");
        }
        if (account.operatorManaged()) {
            throw Problem.conflict("operator-managed", "This account's password is DOCENT_ADMIN_PASSWORD, which every "
                    + "start sets again: change it in the server's environment");
        }
        if (newPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw Problem.invalid("newPassword", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        LoginThrottle.Attempt attempt = throttle.attempt(account.username(), client);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw Problem.invalid("currentPassword", "is not this account's password");
        }
        attempt.succeeded();
        return transactions.execute(status -> {
            Account locked = unchanged(account);
            changeCredentials(locked, passwords.encode(newPassword), locked.role(), false);
            return issue(accounts.byId(locked.id()).orElseThrow(), UUID.randomUUID());
        });
    }

    /**
     * The account as the password was checked against, locked so that it cannot change
     * before the tokens exist.
     */
    private Account unchanged(Account checked) {
        return accounts.lock(checked.id())
            .filter(now -> now.tokenGeneration() == checked.tokenGeneration())
            .orElseThrow(() -> unauthorized("The account changed while signing in; sign in again"));
    }

    /**
     * Reuse detection must survive the 401 that follows it, hence no rollback for
     * problems.
     */
    @Transactional(noRollbackFor = Problem.class)
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshTokens.Stored stored = refreshTokens.byHash(hash(refreshToken))
            .orElseThrow(() -> unauthorized("Unknown refresh token"));
        // locked first, as a change of credentials does, so that it cannot revoke the
        // family halfway through
        Account account = accounts.lock(stored.accountId()).orElseThrow(() -> unauthorized("Unknown account"));
        if (stored.revoked() || stored.expiresAt().isBefore(now)) {
            throw unauthorized("The refresh token has expired or was revoked");
        }
        if (!refreshTokens.markRotated(stored.id(), now)) {
            endSession(stored.familyId());
            throw unauthorized("The refresh token was already used; its whole family is revoked");
        }
        return issue(account, stored.familyId());
    }

    /** Ends the refresh token's family and the access tokens issued in it. */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens.byHash(hash(refreshToken)).ifPresent(stored -> endSession(stored.familyId()));
    }

    private void endSession(UUID familyId) {
        refreshTokens.revokeFamily(familyId, clock.instant());
        revocations.family(familyId);
    }

    /** How long a refresh token lasts: a browser keeps its session cookie as long. */
    public java.time.Duration refreshTokenTtl() {
        return settings.jwt().refreshTokenTtl();
    }

    public Me me(CurrentUser user) {
        Account account = accounts.byId(user.id()).orElseThrow(() -> unauthorized("Unknown account"));
        return new Me(account.id().value(), account.username(), account.role());
    }

    /**
     * Makes the account {@code DOCENT_ADMIN_USERNAME} names the operator's ADMIN with the
     * operator's password. An account of that name that was not the operator's (someone
     * signed up with it) is taken over: its password replaced and every session ended, so
     * whoever created it keeps nothing. The account that was the operator's under another
     * name becomes a USER and is signed out; a changed password signs the admin out
     * everywhere.
     */
    void ensureAdmin(String username, String password) {
        if (password.length() < 10 || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ConfigurationProblem("DOCENT_ADMIN_PASSWORD must be 10 to " + MAX_PASSWORD_BYTES + " bytes long");
        }
        if (username.length() < 3 || username.length() > 32 || !username.matches(USERNAME_CHARACTERS)) {
            throw new ConfigurationProblem("DOCENT_ADMIN_USERNAME must be 3 to 32 letters, digits, '_', '.' or '-'");
        }
        try {
            transactions.executeWithoutResult(status -> operatorAdmin(username.toLowerCase(), password));
        }
        catch (DuplicateKeyException startedTogether) {
            transactions.executeWithoutResult(status -> operatorAdmin(username.toLowerCase(), password));
        }
    }

    private void operatorAdmin(String username, String password) {
        for (Account previous : accounts.operatorManaged()) {
            if (!previous.username().equals(username)) {
                changeCredentials(previous, previous.passwordHash(), Role.USER, false);
                log.info(
                        "'{}' is no longer the operator's admin (DOCENT_ADMIN_USERNAME changed): now a USER, signed out",
                        previous.username());
            }
        }
        Account account = accounts.byUsername(username).orElse(null);
        if (account == null) {
            accounts.insert(new Account(new UserId(Ids.newUuid7()), username, null, passwords.encode(password),
                    Role.ADMIN, clock.instant(), true, 0));
            return;
        }
        if (account.operatorManaged() && account.role() == Role.ADMIN
                && passwords.matches(password, account.passwordHash())) {
            return;
        }
        if (!account.operatorManaged()) {
            log.warn(
                    "DOCENT_ADMIN_USERNAME names '{}', an account created on {} by sign-up or an ADMIN: it is now the "
                            + "operator's admin, with the operator's password, and every session it had was ended",
                    username, account.createdAt());
        }
        changeCredentials(account, passwords.encode(password), Role.ADMIN, true);
    }

    /**
     * A new password or role: every refresh family of the account and every access token
     * issued so far end.
     */
    private void changeCredentials(Account account, String passwordHash, Role role, boolean operatorManaged) {
        long generation = accounts.updateCredentials(account.id(), passwordHash, role, operatorManaged);
        refreshTokens.revokeAccount(account.id(), clock.instant());
        revocations.account(account.id(), generation);
    }

    private TokenPair issue(Account account, UUID familyId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(settings.jwt().issuer())
            .id(UUID.randomUUID().toString())
            .subject(account.id().toString())
            .issuedAt(now)
            .expiresAt(now.plus(settings.jwt().accessTokenTtl()))
            .claim(CurrentUser.USERNAME_CLAIM, account.username())
            .claim(CurrentUser.ROLE_CLAIM, account.role().name())
            .claim(AccessTokenClaims.FAMILY, familyId.toString())
            .claim(AccessTokenClaims.GENERATION, account.tokenGeneration())
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
        return Problem.unauthorized(detail);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
