package dev.docent.account;

import dev.docent.shared.Text;
import java.nio.file.Path;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * The tokens: HS256 signing and verification, password hashing; the request side is in
 * {@code web.WebSecurity}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecretKey jwtSigningKey(AuthSettings settings, @Value("${spring.datasource.url}") String databaseUrl,
            @Value("${docent.data-dir}") Path dataDir) {
        return SigningKey.resolve(settings.jwt().secret(), databaseUrl, dataDir);
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey key, AuthSettings settings, TokenRevocations revocations, Clock clock) {
        NimbusJwtDecoder signed = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setAllowEmptyExpiryClaim(false);
        expiry.setClock(clock);
        signed.setJwtValidator(JwtValidators.createDefaultWithValidators(expiry,
                new JwtIssuerValidator(settings.jwt().issuer()), new AccessTokenClaims()));
        return new RememberingJwtDecoder(signed, revocations, clock);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey key) {
        return NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
    }

    /**
     * Request timing comes from the HTTP observation; observing each security filter too
     * costs more than it tells.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The default firewall, with its header checks written as loops instead of regular
     * expressions.
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(Text::printable);
        firewall.setAllowedHeaderValues(Text::printable);
        return firewall;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

}
