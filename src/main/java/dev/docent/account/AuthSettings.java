package dev.docent.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret             HS256 signing key, at least 32 characters (env {@code DOCENT_JWT_SECRET})
 * @param accessTokenTtl        lifetime of an access token
 * @param refreshTokenTtl       lifetime of a refresh token (each rotation starts a new one)
 * @param loginAttemptsPerMinute login attempts allowed per username per minute
 * @param adminUsername         ADMIN account created or updated at start (env {@code DOCENT_ADMIN_USERNAME})
 * @param adminPassword         its password (env {@code DOCENT_ADMIN_PASSWORD})
 */
@ConfigurationProperties("docent")
record AuthSettings(@DefaultValue Jwt jwt, @DefaultValue Auth auth, @DefaultValue Admin admin) {

    record Jwt(@DefaultValue("") String secret, @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl) {
    }

    record Auth(@DefaultValue("10") int loginAttemptsPerMinute) {
    }

    record Admin(@DefaultValue("") String username, @DefaultValue("") String password) {
    }
}
