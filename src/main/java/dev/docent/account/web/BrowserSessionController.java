package dev.docent.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.docent.account.AccountService;
import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser's session: the same login, rotation and logout as {@link AuthController},
 * but the refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to these
 * endpoints, so page scripts never see it. Every request must carry
 * {@value #GUARD_HEADER}: a header no cross-site form or link can send, and that a
 * cross-origin script cannot send without a CORS preflight this server never grants.
 */
@Tag(name = "Browser session", description = "The web app's login: the refresh token in an HttpOnly cookie")
@RestController
@RequestMapping(path = BrowserSessionController.PATH, produces = "application/json")
class BrowserSessionController {

    static final String PATH = "/api/v1/auth/session";
    static final String COOKIE = "docent_refresh";
    static final String GUARD_HEADER = "X-Docent-Session";

    /**
     * Whether the browser sent a session cookie at all (not whether it is still valid).
     */
    record SessionCookie(boolean cookie) {
    }

    /** What the page keeps in memory; the refresh token is in the cookie. */
    record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

    private final AccountService accounts;

    BrowserSessionController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "startBrowserSession", summary = "Log in, keeping the refresh token in a cookie")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Signed in; the refresh token is in the cookie")
    @ApiResponse(responseCode = "401", description = "Wrong username or password")
    @ApiResponse(responseCode = "403", description = "The " + GUARD_HEADER + " header is missing")
    @ApiResponse(responseCode = "429", description = "Too many login attempts; Retry-After says when to try again")
    @PostMapping(consumes = "application/json")
    ResponseEntity<AccessToken> login(@RequestHeader(name = GUARD_HEADER, required = false) String guard,
            @Valid @RequestBody AuthController.LoginRequest request, HttpServletRequest http) {
        guarded(guard);
        return started(accounts.login(request.username(), request.password(), http.getRemoteAddr()), http);
    }

    /**
     * Lets a page that was never signed in skip the refresh, whose 401 browsers log as an
     * error: only a page whose browser holds a cookie needs to try it.
     */
    @Operation(operationId = "probeBrowserSession", summary = "Whether this browser holds a session cookie")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "cookie: whether a session cookie came with the request")
    @GetMapping
    SessionCookie probe(@CookieValue(name = COOKIE, required = false) String refreshToken) {
        return new SessionCookie(plausible(refreshToken));
    }

    /**
     * A token that is unknown, expired or revoked also clears the cookie: the page then
     * shows the sign-in form.
     */
    @Operation(operationId = "refreshBrowserSession", summary = "Rotate the session cookie for a new access token")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "A new access token; the cookie is rotated",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccessToken.class)))
    @ApiResponse(responseCode = "401", description = "No valid session cookie; the cookie is cleared")
    @ApiResponse(responseCode = "403", description = "The " + GUARD_HEADER + " header is missing")
    @PostMapping("/refresh")
    ResponseEntity<?> refresh(@RequestHeader(name = GUARD_HEADER, required = false) String guard,
            @CookieValue(name = COOKIE, required = false) String refreshToken, HttpServletRequest http) {
        guarded(guard);
        try {
            if (!plausible(refreshToken)) {
                throw new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "Not signed in");
            }
            return started(accounts.refresh(refreshToken), http);
        }
        catch (Problem unauthorized) {
            return ResponseEntity.status(unauthorized.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.SET_COOKIE, cleared(http))
                .body(ProblemHandler.detail(unauthorized));
        }
    }

    @Operation(operationId = "endBrowserSession", summary = "Log out: revoke and clear the session cookie")
    @SecurityRequirements
    @ApiResponse(responseCode = "204", description = "Logged out")
    @ApiResponse(responseCode = "403", description = "The " + GUARD_HEADER + " header is missing")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestHeader(name = GUARD_HEADER, required = false) String guard,
            @CookieValue(name = COOKIE, required = false) String refreshToken, HttpServletRequest http) {
        guarded(guard);
        if (plausible(refreshToken)) {
            accounts.logout(refreshToken);
        }
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cleared(http)).build();
    }

    private ResponseEntity<AccessToken> started(AccountService.TokenPair pair, HttpServletRequest http) {
        return ResponseEntity.ok()
            .header(HttpHeaders.SET_COOKIE, cookie(pair.refreshToken(), accounts.refreshTokenTtl(), http))
            .body(new AccessToken(pair.accessToken(), pair.tokenType(), pair.expiresIn()));
    }

    private static String cookie(String value, Duration maxAge, HttpServletRequest http) {
        return ResponseCookie.from(COOKIE, value)
            .path(PATH)
            .httpOnly(true)
            .sameSite("Strict")
            .secure(http.isSecure())
            .maxAge(maxAge)
            .build()
            .toString();
    }

    private static String cleared(HttpServletRequest http) {
        return cookie("", Duration.ZERO, http);
    }

    /**
     * What {@link AuthController} accepts as a refresh token; anything else cannot be
     * one.
     */
    private static boolean plausible(String refreshToken) {
        return refreshToken != null && !refreshToken.isBlank() && refreshToken.length() <= 200;
    }

    private static void guarded(String guard) {
        if (guard == null || guard.isBlank()) {
            throw new Problem(HttpStatus.FORBIDDEN, "missing-session-header", "Forbidden",
                    "Browser session requests must carry the " + GUARD_HEADER + " header");
        }
    }

}
