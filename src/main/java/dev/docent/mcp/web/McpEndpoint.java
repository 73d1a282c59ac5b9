package dev.docent.mcp.web;

import dev.docent.shared.Problem;
import dev.docent.shared.web.ReplayedBody;
import dev.docent.shared.ProblemHandler;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The MCP endpoint: the SDK's stateless transport behind a check of each POSTed message.
 * <p>
 * A body that is no JSON-RPC message this server takes is answered here, as the MCP
 * Streamable HTTP transport says: HTTP 400 whose body is a JSON-RPC error response
 * (-32700 parse error, -32600 invalid request, -32602 invalid params), the id null unless
 * the request had a usable one. A JSON-RPC error rather than problem+json, because that
 * is what an MCP client reads from a POST's answer; the refusals before a message is read
 * (a missing key, another HTTP method, a body too large) stay problem+json like the rest
 * of the API. No exception message reaches the body.
 */
class McpEndpoint extends HttpServlet {

    private final HttpServlet transport;

    private final McpMessageCheck check;

    private final McpJsonMapper json;

    private final int maxBytes;

    McpEndpoint(HttpServlet transport, McpJsonMapper json, int maxBytes) {
        this.transport = transport;
        this.json = json;
        this.check = new McpMessageCheck(json);
        this.maxBytes = maxBytes;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        transport.init(config);
    }

    @Override
    public void destroy() {
        transport.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            super.service(request, response);
            return;
        }
        if (!"POST".equals(method)) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            ProblemHandler.write(response,
                    ProblemHandler.detail(new Problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                            "Method not allowed", method + " is not supported on " + McpConfig.ENDPOINT
                                    + "; use POST with one JSON-RPC message (stateless Streamable HTTP)")));
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null
                || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            // the SDK's own refusal: 415 with a JSON-RPC error
            transport.service(request, response);
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            ProblemHandler.write(response, ProblemHandler.detail(Problem.tooLarge("body-too-large",
                    "Request body too large", "An MCP message may be at most " + maxBytes / 1024 + " KB")));
            return;
        }
        McpMessageCheck.Refusal refusal = check.check(body);
        if (refusal != null) {
            refuse(response, refusal);
            return;
        }
        transport.service(new ReplayedBody(request, body), response);
    }

    /**
     * @return the body, or null when it is longer than {@code maxBytes}
     */
    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        return body.length > maxBytes ? null : body;
    }

    private void refuse(HttpServletResponse response, McpMessageCheck.Refusal refusal) throws IOException {
        byte[] bytes = json.writeValueAsBytes(PlainErrors.response(refusal.code(), refusal.message(), refusal.id()));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

}
