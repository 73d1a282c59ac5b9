package dev.docent.mcp.web;

import dev.docent.apikey.ApiKey;
import dev.docent.apikey.ApiKeys;
import dev.docent.mcp.DocsTools;
import dev.docent.apikey.KeyKind;
import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request reach the MCP server only with a live secret key in
 * {@code Authorization: Bearer}; the key goes on with the request for the tools to scope
 * and count.
 */
class SecretKeyFilter extends OncePerRequestFilter {

    private static final String PREFIX = "bearer ";

    private final ApiKeys keys;

    SecretKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKey> key = presented(request).flatMap(keys::find);
        if (key.isEmpty() || key.get().kind() != KeyKind.SECRET) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemHandler.write(response,
                    ProblemHandler.detail(Problem.unauthorized(key.isEmpty()
                            ? "A live Docent secret API key (dk_sec_…) is required as Authorization: Bearer"
                            : "A public widget key cannot use the MCP server; create a secret key")));
            return;
        }
        request.setAttribute(DocsTools.KEY, key.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()).strip());
    }

}
