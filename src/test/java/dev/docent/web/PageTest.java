package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How the page and its files are served: public, under a strict CSP, cached as long as is
 * safe.
 */
@DocentTest
class PageTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "/", "/documents", "/chats/0193a7d2-7a9c-7cc4-9d3e-2c1f0e4b5a61" })
    void everyRouteOfTheAppIsTheShellUnderAStrictContentSecurityPolicy(String path) {
        Api.Response page = new Api(port).get(path);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
            .contains("script-src 'self'", "default-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
            .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>")
            .doesNotContain("{{")
            .doesNotContainPattern("<script>|\\son[a-z]+=");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void theShellIsRevalidatedWithItsEtag() {
        Api api = new Api(port);
        Api.Response page = api.get("/");

        Api.Response again = api.send("GET", "/", null, null, "If-None-Match", page.header("ETag"));

        assertThat(page.header("ETag")).isNotBlank();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void librariesAreVersionedWebJarsThatBrowsersKeepForAYear() {
        Api api = new Api(port);
        String page = api.get("/").body();
        Matcher webJar = Pattern.compile("data-(marked|dompurify)=\"(/webjars/[^\"]+)\"").matcher(page);
        int found = 0;
        while (webJar.find()) {
            found++;
            String url = webJar.group(2);
            assertThat(url).matches("/webjars/(marked|dompurify)/\\d+\\.\\d+\\.\\d+/.+\\.m?js");
            Api.Response library = api.get(url);
            assertThat(library.status()).as(url).isEqualTo(200);
            assertThat(library.contentType()).contains("javascript");
            assertThat(library.header("Cache-Control")).contains("max-age=31536000", "immutable");
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void theAppsOwnFilesAreRevalidatedByContentHash() {
        Api api = new Api(port);
        Api.Response script = revalidatedByContentHash(api, "/app/main.js");

        assertThat(script.contentType()).contains("javascript");
        assertThat(api.get("/app/app.css").contentType()).startsWith("text/css");
        Api.Response favicon = api.get("/favicon.ico");
        assertThat(favicon.status()).isEqualTo(301);
        assertThat(favicon.header("Location")).endsWith("/app/icon.svg");
    }

    /** The sample documents' citations link to these pages. */
    @Test
    void theUserGuideIsServedAsStaticPagesUnderAPolicyWithoutScripts() {
        Api api = new Api(port);
        Api.Response page = revalidatedByContentHash(api, "/guide/documents.html");

        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy"))
            .contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'")
            .doesNotContain("script-src", "unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.get("/guide/guide.css").contentType()).startsWith("text/css");
        Api.Response index = api.get("/guide/");
        assertThat(index.status()).isEqualTo(302);
        assertThat(index.header("Location")).endsWith("/guide/index.html");
    }

    /**
     * Served with a content-hash ETag and no-cache, so browsers keep it and ask whether
     * it changed (a 304).
     */
    static Api.Response revalidatedByContentHash(Api api, String path) {
        Api.Response file = api.get(path);
        assertThat(file.status()).as(path).isEqualTo(200);
        assertThat(file.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(file.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(api.send("GET", path, null, null, "If-None-Match", file.header("ETag")).status()).isEqualTo(304);
        return file;
    }

    @Test
    void theApiStaysBehindBearerTokens() {
        assertThat(new Api(port).get("/api/v1/chats").status()).isEqualTo(401);
        assertThat(new Api(port).get("/api/v1/me").status()).isEqualTo(401);
    }

}
