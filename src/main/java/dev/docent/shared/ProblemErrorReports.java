package dev.docent.shared;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers by itself, before any filter or controller runs (a request line
 * or header it cannot parse, such as a control character in a header value, a URI too
 * long), are problem+json like every other refusal, not Tomcat's HTML error page.
 */
@Component
class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            // the host adds a valve of this class on start unless one is there already
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            pipeline.addValve(new ProblemReportValve());
        });
    }

    /** After Spring Boot's own customizer, which adds an HTML error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReportValve extends ErrorReportValve {

        /**
         * Tomcat's words when the request line and headers outgrow its buffer
         * (maxHttpRequestHeaderSize).
         */
        private static final String TOO_LARGE = "too large";

        private static final Logger log = LoggerFactory.getLogger(ProblemErrorReports.class);

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            if (known == null) {
                return;
            }
            String title = known.getReasonPhrase();
            String detail = (status == 400) ? unreadable(throwable)
                    : "The server refused the request before reading it: " + title + ".";
            try {
                response.reset();
                ProblemHandler.write(response,
                        ProblemHandler.detail(new Problem(known, "malformed-request", title, detail)));
            }
            catch (IOException | IllegalStateException ex) {
                log.debug("Could not write the problem for a {} Tomcat answered itself", status, ex);
            }
        }

        /**
         * A query string past the header buffer is the likeliest unreadable request from
         * a client that means well: say so, and where long text belongs.
         */
        private static String unreadable(Throwable throwable) {
            String message = throwable == null ? null : throwable.getMessage();
            if (message != null && message.contains(TOO_LARGE)) {
                return "The request line and headers are too long to read (at most 8 KB together): send long "
                        + "text in a request body, not in the query string.";
            }
            return "The request line or a header could not be read: it may hold a control character, "
                    + "a character outside ASCII, or a malformed name.";
        }

    }

}
