package dev.docent.shared.web;

import dev.docent.shared.Problem;
import io.swagger.v3.oas.annotations.Hidden;
import dev.docent.shared.ProblemHandler;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error path: what was refused before any controller ran (by Tomcat while reading the
 * parameters, or by a servlet's {@code sendError}) is problem+json like every other
 * refusal, not Spring Boot's error JSON. The detail names the problem from the status and
 * the request; an exception's message never reaches it.
 */
@Hidden // the servlet container's error page, not an operation of the API
@RestController
class ProblemErrorController implements ErrorController {

    /** A percent sign not followed by two hex digits. */
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        String method = request.getMethod();
        String path = attribute(request, RequestDispatcher.ERROR_REQUEST_URI);
        String query = attribute(request, RequestDispatcher.ERROR_QUERY_STRING);
        String title = status.getReasonPhrase();
        String type = status.name().toLowerCase().replace('_', '-');
        String detail = switch (status) {
            case BAD_REQUEST -> query != null && !decodable(query) ? ProblemHandler.UNDECODABLE_QUERY
                    : "The request could not be read: its parameters or body are malformed";
            case METHOD_NOT_ALLOWED -> {
                String allow = response.getHeader("Allow");
                yield method + " is not supported on " + path + (allow == null ? "" : "; use " + allow);
            }
            case NOT_FOUND -> "No resource at " + path;
            case CONTENT_TOO_LARGE -> "The request body is larger than this server takes";
            case UNSUPPORTED_MEDIA_TYPE -> "The request's Content-Type is not one this endpoint takes";
            default -> status.is5xxServerError() ? "The server could not complete the request; it has been logged"
                    : "The request was refused: " + title;
        };
        if (status.is5xxServerError()) {
            type = "internal";
            title = "Internal error";
        }
        ProblemDetail pd = ProblemHandler.detail(new Problem(status, type, title, detail));
        instance(path).ifPresent(pd::setInstance);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /**
     * Every % followed by two hex digits, and the bytes they stand for UTF-8, as Tomcat
     * decodes parameters.
     */
    static boolean decodable(String query) {
        if (MALFORMED_ESCAPE.matcher(query).find()) {
            return false;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(query, i + 1, i + 3, 16));
                i += 2;
            }
            else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The path the client asked for, when it is one a URI can hold. */
    private static Optional<URI> instance(String path) {
        try {
            return Optional.ofNullable(path).map(URI::create);
        }
        catch (IllegalArgumentException unusual) {
            return Optional.empty();
        }
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String attribute(HttpServletRequest request, String name) {
        Object value = request.getAttribute(name);
        return value == null ? null : value.toString();
    }

}
