package dev.docent.widget.web;

import dev.docent.account.GuestCredentials;
import dev.docent.account.GuestCredentials.Guest;
import dev.docent.apikey.ApiKey;
import dev.docent.apikey.ApiKeyId;
import dev.docent.apikey.ApiKeys;
import dev.docent.apikey.KeyKind;
import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import dev.docent.shared.Text;
import dev.docent.widget.GuestRoutes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs after Spring Security on every request. Answers the CORS preflights of a widget's
 * calls, and lets a guest token through only to what a guest may do, with its key still
 * live, from one of the key's origins (checked here, not only by the browser's CORS),
 * within the key's and the visitor's limits.
 */
class GuestFilter extends OncePerRequestFilter {

    private final ApiKeys keys;

    private final StartRequestCheck startCheck;

    GuestFilter(ApiKeys keys, JsonMapper json) {
        this.keys = keys;
        this.startCheck = new StartRequestCheck(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                && GuestRoutes.crossOrigin(path)) {
            if (keys.anyAllows(origin)) {
                Cors.preflight(response, origin);
            }
            else {
                refuse(response, originRefused(origin));
            }
            return;
        }
        if (path.startsWith("/webjars/marked/") || path.startsWith("/webjars/dompurify/")) {
            // the widget imports these modules from the documentation site's pages
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        Optional<Guest> guest = GuestCredentials.current();
        if (guest.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            ApiKey key = admitted(guest.get(), request.getMethod(), path, origin, response);
            HttpServletRequest checked = GuestRoutes.isStart(request.getMethod(), path) ? startCheck.check(request, key)
                    : request;
            chain.doFilter(checked, response);
        }
        catch (Problem problem) {
            refuse(response, problem);
        }
    }

    private ApiKey admitted(Guest guest, String method, String path, String origin, HttpServletResponse response) {
        if (!GuestRoutes.allowed(method, path)) {
            throw Problem.forbidden("guest-forbidden", "Not for widget visitors",
                    "A widget visitor may only ask in and read its own documentation chats");
        }
        if (origin != null) {
            // lets the widget read the refusal and say it politely
            Cors.allow(response, origin);
        }
        ApiKey key = guest.keyId() == null ? null
                : keys.live(new ApiKeyId(guest.keyId())).filter(k -> k.kind() == KeyKind.PUBLIC).orElse(null);
        if (key == null) {
            throw Problem.forbidden("key-revoked", "Widget switched off",
                    "This site's Docent widget key is no longer valid");
        }
        if (origin == null || !key.allowsOrigin(origin)) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, null);
            throw originRefused(origin);
        }
        keys.admit(key, guest.visitor());
        return key;
    }

    static Problem originRefused(String origin) {
        return Problem.forbidden("origin-not-allowed", "Origin not allowed", origin == null
                ? "A widget request must come from a web page (Origin header) on one of the key's allowed origins"
                : "The origin " + Text.shorten(origin, 100) + " is not on the widget key's allowed origins");
    }

    static void refuse(HttpServletResponse response, Problem problem) throws IOException {
        if (problem.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds().toString());
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
        }
        ProblemHandler.write(response, ProblemHandler.detail(problem));
    }

}
