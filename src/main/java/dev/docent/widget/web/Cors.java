package dev.docent.widget.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/** The CORS headers of a widget's cross-origin calls, for one origin at a time. */
final class Cors {

    static final String KEY_HEADER = "X-Docent-Key";

    private Cors() {
    }

    static void allow(HttpServletResponse response, String origin) {
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    static void preflight(HttpServletResponse response, String origin) {
        allow(response, origin);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, DELETE");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                "Authorization, Content-Type, Accept, Idempotency-Key, " + KEY_HEADER);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

}
