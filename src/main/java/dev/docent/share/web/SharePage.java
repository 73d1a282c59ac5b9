package dev.docent.share.web;

import dev.docent.share.Sharing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.webjars.WebJarVersionLocator;

/**
 * The page of a share link, {@code /s/{token}}: a shell whose script reads the snapshot.
 * 404 as soon as the link is revoked. No referrer leaves the page, so following a
 * citation does not hand the token to another site.
 */
@Controller
class SharePage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final Sharing sharing;

    private final String html;

    SharePage(Sharing sharing) {
        this.sharing = sharing;
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        this.html = template().replace("{{marked}}", "/webjars/" + webJars.path("marked", "lib/marked.esm.js"))
            .replace("{{dompurify}}", "/webjars/" + webJars.path("dompurify", "dist/purify.es.mjs"));
    }

    @GetMapping("/s/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        return ResponseEntity.status(sharing.exists(token) ? HttpStatus.OK : HttpStatus.NOT_FOUND)
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noStore())
            .header(ShareController.X_ROBOTS_TAG, ShareController.NOINDEX)
            .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            .header("Referrer-Policy", "no-referrer")
            .body(html);
    }

    private static String template() {
        try (InputStream in = SharePage.class.getResourceAsStream("/web/share.html")) {
            if (in == null) {
                throw new IllegalStateException("web/share.html is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
