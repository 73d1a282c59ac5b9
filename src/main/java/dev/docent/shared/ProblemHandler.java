package dev.docent.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where errors become RFC 9457 problem+json. No stack trace ever reaches a
 * client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final String TYPE_BASE = "https://docent.dev/problems/";

    /**
     * Whether Tomcat or a handler found it, an undecodable query string is said the same
     * way.
     */
    public static final String UNDECODABLE_QUERY = "The query string could not be decoded: its percent-encoding "
            + "must be a % and two hex digits, decoding to UTF-8";

    /** How Jackson's strict duplicate detection begins its message. */
    private static final String DUPLICATE = "Duplicate Object property";

    /**
     * With the mixin the MVC converters use: {@code errors} a member of the problem, no
     * null members.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
        .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
        .build();

    @ExceptionHandler(Problem.class)
    ResponseEntity<Object> problem(Problem problem) {
        return respond(detail(problem));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value"
                : "a valid " + e.getRequiredType().getSimpleName();
        return respond(detail(Problem.invalid(e.getName(), "must be " + expected)));
    }

    /**
     * The firewall's refusal of what {@link HeaderCheck} did not see first: a client
     * error, worth one line.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        log.info("Rejected request: {}", e.getMessage());
        return respond(detail(new Problem(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
                "The request holds a header or path this server does not accept")));
    }

    /**
     * Tomcat reads the query string when a handler first asks for a parameter, and throws
     * when it cannot decode it ({@code ?x=%zz}, {@code %C0%80}): the client's error,
     * worth no stack trace.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(InvalidParameterException e) {
        return respond(
                detail(new Problem(HttpStatus.BAD_REQUEST, "malformed-request", "Bad Request", UNDECODABLE_QUERY)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(detail(new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The server could not complete the request; it has been logged")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldProblem> errors = e.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(f -> new Problem.FieldProblem(f.getField(), f.getDefaultMessage()))
            .toList();
        return respond(detail(validation(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldProblem> errors = e.getParameterValidationResults()
            .stream()
            .flatMap(r -> r.getResolvableErrors()
                .stream()
                .map(err -> new Problem.FieldProblem(r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage())))
            .toList();
        return respond(detail(validation(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        // any Jackson error with a path, not only a binding one: a number too large for
        // its
        // field ("requestsPerMinute": 1e12) is the reader's, and names the field all the
        // same
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath()
                .stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
            return respond(detail(Problem.invalid(field, "has the wrong type or format")));
        }
        if (cause instanceof Problem problem) {
            return respond(detail(problem));
        }
        if (cause instanceof StreamReadException read && read.getMessage() != null
                && read.getMessage().startsWith(DUPLICATE) && read.processor() instanceof JsonParser parser
                && parser.currentName() != null) {
            return respond(detail(Problem.invalid(parser.currentName(), "is given more than once")));
        }
        return respond(detail(new Problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is missing or is not valid JSON",
                List.of(new Problem.FieldProblem("body", "must be a JSON object")))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> entity = super.handleExceptionInternal(e, body, headers, status, request);
        if (entity != null && entity.getBody() instanceof ProblemDetail pd) {
            pd.setType(URI.create(TYPE_BASE + slug(status)));
            return ResponseEntity.status(status)
                .headers(entity.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
        }
        return entity;
    }

    private static Problem validation(List<Problem.FieldProblem> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new Problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, errors);
    }

    public static ProblemDetail detail(Problem problem) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        pd.setType(URI.create(TYPE_BASE + problem.type()));
        pd.setTitle(problem.title());
        if (!problem.errors().isEmpty()) {
            pd.setProperty("errors", problem.errors());
        }
        if (problem.retryAfterSeconds() != null) {
            pd.setProperty("retryAfterSeconds", problem.retryAfterSeconds());
        }
        return pd;
    }

    private static ResponseEntity<Object> respond(ProblemDetail pd) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(pd.getStatus())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Object retryAfter = pd.getProperties() == null ? null : pd.getProperties().get("retryAfterSeconds");
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return builder.body(pd);
    }

    /**
     * Writes a problem outside the MVC dispatch (filters, streaming responses), and sends
     * it at once: a filter that refuses a request before reading its body would otherwise
     * hold the answer back until the server has swallowed the unread body.
     */
    public static void write(HttpServletResponse response, ProblemDetail pd) throws IOException {
        byte[] body = JSON.writeValueAsBytes(pd);
        response.setStatus(pd.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static String json(ProblemDetail pd) {
        return JSON.writeValueAsString(pd);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

}
