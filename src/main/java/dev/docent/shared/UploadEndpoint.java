package dev.docent.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;

/**
 * An endpoint that takes a multipart upload, declared as a bean by the module serving it.
 * Every other request with a multipart body is refused before it is read: multipart
 * bodies are exempt from the body limit, and parsing one spools it to disk.
 */
public record UploadEndpoint(HttpMethod method, String path) {

    boolean matches(HttpServletRequest request) {
        return method.matches(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).equals(path);
    }
}
