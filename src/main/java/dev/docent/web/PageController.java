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
 * The one page of the browser app, for every route the app knows: the same shell, whose
 * scripts then show the sign-in form, a chat or the documents. Libraries are linked by
 * versioned WebJar URLs, so browsers may keep them for good; the shell itself is
 * revalidated on every load.
 */
@Controller
class PageController {

    /**
     * Scripts and styles from this server only: no inline script, no inline event
     * handler, no plug-in.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final String html;

    private final String etag;

    PageController() {
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        this.html = template().replace("{{marked}}", webJarUrl(webJars, "marked", "lib/marked.esm.js"))
            .replace("{{dompurify}}", webJarUrl(webJars, "dompurify", "dist/purify.es.mjs"))
            .replace("{{echarts}}", webJarUrl(webJars, "echarts", "dist/echarts.esm.min.js"));
        this.etag = "\"" + WebAssets.hash(html.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    @GetMapping({ "/", "/chats/{chatId}", "/documents", "/keys", "/insights" })
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noCache())
            .eTag(etag)
            .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            .header("Referrer-Policy", "same-origin")
            .body(html);
    }

    private static String webJarUrl(WebJarVersionLocator webJars, String name, String file) {
        String path = webJars.path(name, file);
        if (path == null) {
            throw new IllegalStateException("The " + name + " WebJar (" + file + ") is missing from the classpath");
        }
        return "/webjars/" + path;
    }

    private static String template() {
        try (InputStream in = PageController.class.getResourceAsStream("/web/index.html")) {
            if (in == null) {
                throw new IllegalStateException("web/index.html is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
