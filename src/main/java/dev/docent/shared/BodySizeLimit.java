package dev.docent.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code docent.http.max-body-bytes} with a 413 problem,
 * before anything reads them: at once when the Content-Length says so, else (chunked) as
 * soon as the limit is passed. Multipart bodies are left to the upload limits on an
 * {@link UploadEndpoint}, and refused with a 415 anywhere else, unread. (The security
 * rules, which come next, refuse a caller who may not upload, still before the body is
 * read.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BodySizeLimit.class);

    private final long max;

    private final List<UploadEndpoint> uploads;

    BodySizeLimit(HttpSettings settings, List<UploadEndpoint> uploads) {
        this.max = settings.maxBodyBytes().toBytes();
        this.uploads = List.copyOf(uploads);
    }

    /**
     * A request that announces no body and is not chunked has nothing to limit (most
     * GETs).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA.getType())) {
            if (uploads.stream().anyMatch(upload -> upload.matches(request))) {
                chain.doFilter(request, response);
            }
            else {
                log.info("Refused a multipart body to {} {}", request.getMethod(), request.getRequestURI());
                ProblemHandler.write(response, ProblemHandler.detail(new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type", "Unsupported Media Type", "This endpoint takes no multipart body")));
            }
        }
        else if (request.getContentLengthLong() > max) {
            ProblemHandler.write(response, ProblemHandler.detail(tooLarge()));
        }
        else {
            chain.doFilter(new Limited(request), response);
        }
    }

    private Problem tooLarge() {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body is larger than the " + max + " bytes this server accepts");
    }

    /** Counts what the application reads, for bodies whose length is not announced. */
    private final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

    }

    private final class Counting extends ServletInputStream {

        private final ServletInputStream in;

        private long count;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            counted(Math.max(n, 0));
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > max) {
                throw tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

    }

}
