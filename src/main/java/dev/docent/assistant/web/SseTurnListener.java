package dev.docent.assistant.web;

import dev.docent.assistant.TurnListener;
import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a turn as server-sent events: meta, sources, token…, then done or error. The
 * response starts only with the first event, so errors found before it (404, 409, 400)
 * are still plain problem responses.
 */
class SseTurnListener implements TurnListener {

    private final HttpServletResponse response;

    private final JsonMapper json;

    private OutputStream out;

    private long lastWrite;

    SseTurnListener(HttpServletResponse response, JsonMapper json) {
        this.response = response;
        this.json = json;
    }

    boolean started() {
        return out != null;
    }

    @Override
    public void meta(UUID chatId, UUID userMessageId) throws IOException {
        event("meta", Map.of("chatId", chatId, "userMessageId", userMessageId));
    }

    @Override
    public void sources(List<Source> sources) throws IOException {
        event("sources", sources);
    }

    @Override
    public void token(String text) throws IOException {
        event("token", Map.of("text", text));
    }

    @Override
    public void done(MessageView answer, ChatSummary chat) throws IOException {
        event("done", Map.of("message", answer, "chat", chat));
    }

    /**
     * An SSE comment at most once a second: keeps proxies from timing out, and finds a
     * client that left.
     */
    @Override
    public void waiting() throws IOException {
        if (out != null && System.nanoTime() - lastWrite > 1_000_000_000L) {
            write(": waiting\n\n");
        }
    }

    void error(ProblemDetail problem) throws IOException {
        event("error", problem);
    }

    private void event(String name, Object data) throws IOException {
        if (out == null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            out = response.getOutputStream();
        }
        write("event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastWrite = System.nanoTime();
    }

}
