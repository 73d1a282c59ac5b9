package dev.docent.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwt access and refresh tokens
 * @param auth sign-up and the login limits
 * @param admin the operator's ADMIN account, created or updated at start
 */
@ConfigurationProperties("docent")
record AuthSettings(@DefaultValue Jwt jwt, @DefaultValue Auth auth, @DefaultValue Admin admin) {

    /**
     * @param secret HS256 signing key, at least 32 characters (env
     * {@code DOCENT_JWT_SECRET})
     * @param issuer the {@code iss} every access token carries and must carry to be
     * accepted
     * @param accessTokenTtl lifetime of an access token
     * @param refreshTokenTtl lifetime of a refresh token (each rotation starts a new one)
     */
    record Jwt(@DefaultValue("") String secret, @DefaultValue("docent") String issuer,
            @DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl) {
    }

    /**
     * @param signup whether anyone may create an account ({@code DOCENT_AUTH_SIGNUP})
     * @param loginAttemptsPerMinute failed logins allowed per username from one client
     * address per minute
     * @param loginAttemptsPerClientPerMinute failed logins allowed from one client
     * address per minute, all usernames
     * @param revocationSyncInterval how often an instance reads the access tokens revoked
     * elsewhere
     */
    record Auth(@DefaultValue("true") boolean signup, @DefaultValue("10") int loginAttemptsPerMinute,
            @DefaultValue("30") int loginAttemptsPerClientPerMinute,
            @DefaultValue("1s") Duration revocationSyncInterval) {
    }

    /**
     * @param username env {@code DOCENT_ADMIN_USERNAME}
     * @param password env {@code DOCENT_ADMIN_PASSWORD}
     */
    record Admin(@DefaultValue("") String username, @DefaultValue("") String password) {
    }
}
