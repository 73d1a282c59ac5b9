package dev.docent.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.webjars.WebJarVersionLocator;

/**
 * {@code /widget.js}, the one line a documentation site embeds (decision 0018), with the
 * versioned URLs of the Markdown libraries it imports when first opened. Revalidated on
 * every load, like the app's own scripts.
 */
@Controller
class WidgetScript {

    private final String script;

    private final String etag;

    WidgetScript() {
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        this.script = template().replace("{{marked}}", "/webjars/" + webJars.path("marked", "lib/marked.esm.js"))
            .replace("{{dompurify}}", "/webjars/" + webJars.path("dompurify", "dist/purify.es.mjs"));
        this.etag = "\"" + WebAssets.hash(script.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    @GetMapping("/widget.js")
    ResponseEntity<String> widget() {
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noCache())
            .eTag(etag)
            .header("Cross-Origin-Resource-Policy", "cross-origin")
            .body(script);
    }

    private static String template() {
        try (InputStream in = WidgetScript.class.getResourceAsStream("/web/widget.js")) {
            if (in == null) {
                throw new IllegalStateException("web/widget.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
