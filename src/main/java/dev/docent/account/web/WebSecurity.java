package dev.docent.account.web;

import dev.docent.account.CurrentUser;
import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Stateless bearer-token security of the requests: who may call what, problem+json for
 * 401 and 403.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /** Not in the one-off commands, which serve no HTTP. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> List
            .<GrantedAuthority>of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(CurrentUser.ROLE_CLAIM))));
        return http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            // the servlet API stays: the health endpoint asks it whether the caller is an
            // ADMIN
            .logout(logout -> logout.disable())
            .anonymous(anonymous -> anonymous.disable())
            .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/auth/options", "/api/v1/auth/session")
                .permitAll()
                // a share link's snapshot, read by its token; listing and revoking need
                // the owner
                .requestMatchers(HttpMethod.GET, "/api/v1/shares/*")
                .permitAll()
                // a widget's visitor: a session for a public key, and the preflights of
                // its calls (the widget module checks the key and the Origin, decision
                // 0018)
                .requestMatchers(HttpMethod.POST, "/api/v1/widget/session")
                .permitAll()
                .requestMatchers(HttpMethod.OPTIONS, "/api/v1/widget/session", "/api/v1/chats", "/api/v1/chats/**")
                .permitAll()
                .requestMatchers("/api/v1/accounts/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/documents", "/api/v1/documents/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.PATCH, "/api/v1/documents/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.DELETE, "/api/v1/documents/**")
                .hasRole("ADMIN")
                .requestMatchers("/api/v1/ingestions/**")
                .hasRole("ADMIN")
                .requestMatchers("/api/v1/keys/**", "/api/v1/insights/**", "/api/v1/insights")
                .hasRole("ADMIN")
                // all a guest may do: ask in, read and rate its own OFFICIAL_DOCS chats
                .requestMatchers(HttpMethod.POST, "/api/v1/chats", "/api/v1/chats/*/messages", "/api/v1/chats/*/stop")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/chats/*", "/api/v1/chats/*/messages")
                .authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/v1/chats/*/messages/*/feedback")
                .authenticated()
                .requestMatchers(HttpMethod.DELETE, "/api/v1/chats/*/messages/*/feedback")
                .authenticated()
                .requestMatchers("/api/**")
                .hasAnyRole("USER", "ADMIN")
                .anyRequest()
                .permitAll())
            .oauth2ResourceServer(rs -> rs.bearerTokenResolver(new BearerHeader())
                .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                .authenticationEntryPoint(unauthorized())
                .accessDeniedHandler(forbidden()))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
            .build();
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ProblemHandler.write(response,
                ProblemHandler.detail(Problem.forbidden("forbidden", "Forbidden", "Your role does not allow this")));
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> ProblemHandler.write(response,
                ProblemHandler.detail(Problem.unauthorized("A valid bearer access token is required")));
    }

}
