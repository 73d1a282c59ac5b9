package dev.docent.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose header holds a control or unassigned character with a 400
 * naming the header, before anything reads it. Spring Security's firewall refuses the
 * same characters, but only when a header is read, deep inside a controller, where the
 * refusal surfaced as a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class HeaderCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(HeaderCheck.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : Collections.list(request.getHeaderNames())) {
            if (name.equalsIgnoreCase(HttpHeaders.COOKIE)) {
                // Cookies are per host, not per port: another local app's raw UTF-8
                // cookie must not refuse every
                // request. The servlet container parses them, and the firewall does not
                // check them either.
                continue;
            }
            if (!Text.printable(name)
                    || !Collections.list(request.getHeaders(name)).stream().allMatch(Text::printable)) {
                String header = Text.printable(name) ? name : "header";
                log.info("Refused {} {}: the {} header holds a control or unassigned character", request.getMethod(),
                        request.getRequestURI(), header);
                ProblemHandler.write(response,
                        ProblemHandler.detail(Problem.invalid(header, "must hold only printable characters")));
                return;
            }
        }
        chain.doFilter(request, response);
    }

}
