package dev.docent.account;

import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import dev.docent.shared.Text;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** Stateless bearer-token security: HS256 access tokens, problem+json for 401 and 403. */
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

    /** Request timing comes from the HTTP observation; observing each security filter too costs more than it tells. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The default firewall, with its header checks written as loops instead of regular expressions. */
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

    /** Not in the one-off commands, which serve no HTTP. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> List.<GrantedAuthority>of(
                new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(CurrentUser.ROLE_CLAIM))));
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // the servlet API stays: the health endpoint asks it whether the caller is an ADMIN
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/options").permitAll()
                        .requestMatchers("/api/v1/accounts/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/documents").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/documents/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/ingestions/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ProblemHandler.write(response, ProblemHandler.detail(new Problem(
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this")));
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> ProblemHandler.write(response, ProblemHandler.detail(new Problem(
                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer access token is required")));
    }
}
