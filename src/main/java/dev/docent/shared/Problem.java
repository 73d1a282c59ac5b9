package dev.docent.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error a module raises on purpose; {@link ProblemHandler} turns it into RFC 9457
 * problem+json. The {@code type} is a short slug, published as
 * {@code https://docent.dev/problems/<type>}.
 */
public class Problem extends RuntimeException {

    /**
     * The type of {@link #notFound}, for code that must tell it apart without HTTP types.
     */
    public static final String NOT_FOUND = "not-found";

    private final HttpStatus status;

    private final String type;

    private final String title;

    private final List<FieldProblem> errors;

    private Long retryAfterSeconds;

    public Problem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Problem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", what + " was not found");
    }

    public static Problem invalid(String field, String message) {
        return new Problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    public static Problem conflict(String type, String detail) {
        return new Problem(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    /** The caller is not signed in, or its credentials do not hold (401). */
    public static Problem unauthorized(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    /** The caller is known but may not do this (403). */
    public static Problem forbidden(String type, String title, String detail) {
        return new Problem(HttpStatus.FORBIDDEN, type, title, detail);
    }

    /**
     * The caller asked too often; say when to try again with {@link #withRetryAfter}
     * (429).
     */
    public static Problem tooManyRequests(String type, String title, String detail) {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, type, title, detail);
    }

    /** What was sent is larger than this server takes (413). */
    public static Problem tooLarge(String type, String title, String detail) {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, type, title, detail);
    }

    /** Tells the client when to try again (the Retry-After header). */
    public Problem withRetryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /**
     * Stack traces of expected errors are noise: they never reach a client and rarely a
     * log.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public record FieldProblem(String field, String message) {
    }

}
