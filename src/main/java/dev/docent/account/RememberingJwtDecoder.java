package dev.docent.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has verified for a short while, so a client's burst of requests
 * pays for parsing and signature checking once. A remembered token is still refused the
 * moment it expires or is revoked (two in-memory lookups per request, see
 * {@link TokenRevocations}).
 */
class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;

    private final TokenRevocations revocations;

    private final Clock clock;

    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
        .maximumSize(50_000)
        .expireAfterWrite(Duration.ofMinutes(2))
        .build();

    RememberingJwtDecoder(JwtDecoder delegate, TokenRevocations revocations, Clock clock) {
        this.delegate = delegate;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null || !jwt.getExpiresAt().isAfter(clock.instant())) {
            jwt = delegate.decode(token);
            verified.put(token, jwt);
        }
        if (revocations.refuses(jwt)) {
            throw new BadJwtException("The access token was revoked");
        }
        return jwt;
    }

}
