package dev.docent.account;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims Docent's own access tokens carry, checked after the signature: a token
 * signed with our key but claiming an unknown role or a subject that is not an account id
 * is refused (401) with one log line, since only a leaked key or an incompatible version
 * can have made it.
 */
final class AccessTokenClaims implements OAuth2TokenValidator<Jwt> {

    /**
     * The refresh family (one login) the token was issued in: logging out ends them
     * together.
     */
    static final String FAMILY = "fid";

    /** The account's token generation when the token was issued. */
    static final String GENERATION = "gen";

    private static final Logger log = LoggerFactory.getLogger(AccessTokenClaims.class);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String flaw = flaw(token.getSubject(), token.getClaims());
        if (flaw == null) {
            return OAuth2TokenValidatorResult.success();
        }
        log.warn("Refused a correctly signed access token (jti {}): {}", token.getId(), flaw);
        return OAuth2TokenValidatorResult
            .failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The access token's claims are not valid", null));
    }

    private static String flaw(String subject, Map<String, Object> claims) {
        if (!isUuid(subject)) {
            return "the subject is not an account id";
        }
        if (!(claims.get(CurrentUser.ROLE_CLAIM) instanceof String role)
                || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
            String shown = String.valueOf(claims.get(CurrentUser.ROLE_CLAIM)).replaceAll("[^A-Za-z0-9_-]", "?");
            return "unknown role " + shown.substring(0, Math.min(shown.length(), 32));
        }
        if (!(claims.get(CurrentUser.USERNAME_CLAIM) instanceof String)) {
            return "no username";
        }
        if (!(claims.get(FAMILY) instanceof String family) || !isUuid(family)) {
            return "no session family";
        }
        if (!(claims.get(GENERATION) instanceof Number)) {
            return "no token generation";
        }
        return null;
    }

    private static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

}
