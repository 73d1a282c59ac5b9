package dev.docent.knowledge.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sets ingested from a published site: a slice of the Python documentation served on
 * loopback (which the allow-list names, as a real intranet site would need).
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42",
        "docent.knowledge.fetch.allow=127.0.0.1", "docent.knowledge.fetch.delay=5ms" })
class CrawlApiTest {

    static final List<String> CRAWLED = List.of("appetite.html", "index.html", "interactive.html", "interpreter.html",
            "venv.html", "whatnow.html");

    @LocalServerPort
    int port;

    @Autowired
    SiteCrawls crawls;

    @TempDir
    Path root;

    DocsSite site;

    Api admin;

    Api reader;

    @BeforeEach
    void publish() throws IOException {
        PythonDocsSlice.copyTo(root);
        Files.writeString(root.resolve("robots.txt"), """
                User-agent: *
                Disallow: /3/tutorial/classes.html
                """);
        site = new DocsSite(root);
        admin = new Api(port).login("librarian", "shelve-the-books-42");
        reader = new Api(port).newUser();
    }

    @AfterEach
    void close() {
        site.close();
        for (JsonNode document : admin.get("/api/v1/documents").json()) {
            admin.delete("/api/v1/documents/" + document.get("id").asString());
        }
    }

    @Test
    void aSetIsCrawledFromItsStartPageKeepingToItsPrefixAndRobotsTxt() {
        JsonNode job = crawl("""
                {"slug":"python-tutorial","title":"The Python Tutorial","startUrl":"%s","maxPages":20}"""
            .formatted(site.url("/3/tutorial/index.html")));

        String id = job.get("documentId").asString();
        assertThat(pagePaths(id)).containsExactlyElementsOf(CRAWLED);
        JsonNode document = reader.get("/api/v1/documents/" + id).json();
        assertThat(document.get("baseUrl").asString()).isEqualTo(site.url("/3/tutorial/"));
        assertThat(document.get("title").asString()).isEqualTo("The Python Tutorial");
        assertThat(skipped(job)).contains("classes.html: disallowed by robots.txt");
        assertThat(site.hits()).extracting(DocsSite.Hit::path)
            .contains("/robots.txt")
            .doesNotContain("/3/tutorial/classes.html")
            .allMatch(path -> path.equals("/robots.txt") || path.startsWith("/3/tutorial/"));

        JsonNode top = reader.get("/api/v1/search?q=create+a+virtual+environment+with+venv&k=1&documentId=" + id)
            .json()
            .get(0);
        assertThat(top.get("page").asString()).isEqualTo("venv.html");
        assertThat(top.get("url").asString()).startsWith(site.url("/3/tutorial/venv.html#"));
    }

    @Test
    void aReSyncFetchesOnlyWhatChangedAndRemovesWhatDisappeared() throws IOException {
        String id = crawl("""
                {"slug":"python-tutorial","title":"The Python Tutorial","startUrl":"%s"}"""
            .formatted(site.url("/3/tutorial/index.html"))).get("documentId").asString();
        String venvPassage = topChunk(id, "create+a+virtual+environment+with+venv");
        Path appetite = root.resolve("3/tutorial/appetite.html");
        Files.writeString(appetite,
                Files.readString(appetite)
                    .replaceFirst("</h1>",
                            "</h1><p>Docent re-reads a changed page, such as this note on zebra crossings.</p>"));
        Files.delete(root.resolve("3/tutorial/whatnow.html"));
        site.forget();

        Api.Response accepted = admin.post("/api/v1/documents/" + id + "/sync", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = await(accepted.json().get("jobId").asString());

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("documentId").asString()).isEqualTo(id);
        List<DocsSite.Hit> hits = site.hits();
        for (String unchanged : List.of("index.html", "interactive.html", "interpreter.html", "venv.html")) {
            assertThat(hits).as(unchanged)
                .contains(new DocsSite.Hit("/3/tutorial/" + unchanged, 304, true))
                .noneMatch(hit -> hit.path().endsWith(unchanged) && hit.status() == 200);
        }
        assertThat(hits).contains(new DocsSite.Hit("/3/tutorial/appetite.html", 200, true),
                new DocsSite.Hit("/3/tutorial/whatnow.html", 404, true));
        assertThat(skipped(job)).contains("whatnow.html: gone from the site (HTTP 404), removed");
        assertThat(pagePaths(id))
            .containsExactlyElementsOf(CRAWLED.stream().filter(p -> !p.equals("whatnow.html")).toList());
        JsonNode zebra = reader.get("/api/v1/search?q=zebra+crossings&k=1&documentId=" + id).json().get(0);
        assertThat(zebra.get("page").asString()).isEqualTo("appetite.html");
        assertThat(zebra.get("text").asString()).contains("zebra crossings");
        assertThat(topChunk(id, "create+a+virtual+environment+with+venv")).as("an unchanged page keeps its passages")
            .isEqualTo(venvPassage);
    }

    @Test
    void theScheduledSyncBringsEveryCrawledSetUpToDateOnce() throws IOException {
        String id = crawl("""
                {"slug":"python-tutorial","title":"The Python Tutorial","startUrl":"%s"}"""
            .formatted(site.url("/3/tutorial/venv.html"))).get("documentId").asString();
        Path venv = root.resolve("3/tutorial/venv.html");
        Files.writeString(venv, Files.readString(venv)
            .replaceFirst("</h1>", "</h1><p>A scheduled sync found this note about lighthouse keepers.</p>"));
        site.forget();

        crawls.syncAll();
        crawls.syncAll(); // a second instance at the same moment: the set is claimed
                          // already

        JsonNode hit = Eventually.await(Duration.ofSeconds(120),
                () -> reader.get("/api/v1/search?q=lighthouse+keepers&k=1&documentId=" + id).json().get(0),
                top -> top.get("text").asString().contains("lighthouse keepers"));
        assertThat(hit.get("page").asString()).isEqualTo("venv.html");
        assertThat(site.hits()).filteredOn(h -> h.path().equals("/robots.txt")).hasSize(1);
    }

    @Test
    void aSetIsCrawledFromTheSitemap() throws IOException {
        Files.writeString(root.resolve("3/tutorial/sitemap.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc></url>
                  <url><loc>%s</loc></url>
                  <url><loc>%s</loc></url>
                </urlset>
                """.formatted(site.url("/3/tutorial/venv.html"), site.url("/3/tutorial/interactive.html"),
                site.url("/3/library/index.html")));

        JsonNode job = crawl("""
                {"slug":"python-venv","title":"Python venv","sitemapUrl":"%s"}"""
            .formatted(site.url("/3/tutorial/sitemap.xml")));

        assertThat(pagePaths(job.get("documentId").asString())).containsExactly("interactive.html", "venv.html");
    }

    @Test
    void privateAddressesBadRequestsAndTakenSlugsAreRefused() {
        // the allow-list names 127.0.0.1 only
        assertField(postCrawl("""
                {"slug":"intranet","title":"Intranet","startUrl":"http://10.0.0.7/docs/"}"""), "startUrl", "private");
        assertField(postCrawl("""
                {"slug":"metadata","title":"Metadata","startUrl":"http://169.254.169.254/latest/"}"""), "startUrl",
                "link-local");
        assertField(postCrawl("""
                {"slug":"loopback","title":"Loopback","sitemapUrl":"http://[::1]:%d/sitemap.xml"}"""
            .formatted(site.port())), "sitemapUrl", "loopback");
        assertField(postCrawl("""
                {"slug":"both","title":"Both","startUrl":"%s","sitemapUrl":"%s"}""".formatted(site.url("/3/"),
                site.url("/3/sitemap.xml"))), "sitemapUrl", "not both");
        Api.Response neither = postCrawl("""
                {"slug":"none","title":"None"}""");
        assertField(neither, "startUrl", "startUrl");
        assertThat(neither.body()).doesNotContain("not both");
        assertField(postCrawl("""
                {"slug":"files","title":"Files","startUrl":"file:///etc/passwd"}"""), "startUrl", "http");
        assertField(postCrawl("""
                {"slug":"limit","title":"Limit","startUrl":"%s","maxPages":0}""".formatted(site.url("/3/"))),
                "maxPages", "between");
        assertField(postCrawl("""
                {"slug":"outside","title":"Outside","startUrl":"%s","baseUrl":"%s"}"""
            .formatted(site.url("/3/library/"), site.url("/3/tutorial/"))), "startUrl", "under");
        assertField(postCrawl("""
                {"slug":"Bad Slug","title":"Bad","startUrl":"%s"}""".formatted(site.url("/3/"))), "slug", "lowercase");
        assertThat(site.hits()).isEmpty();

        String uploaded = admin.ingest("uploaded", "Uploaded", Map.of("a.md", "# A\n\nSome text to keep."));
        Api.Response taken = postCrawl("""
                {"slug":"uploaded","title":"Again","startUrl":"%s"}""".formatted(site.url("/3/tutorial/")));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        Api.Response notCrawled = admin.post("/api/v1/documents/" + uploaded + "/sync", "");
        assertThat(notCrawled.status()).isEqualTo(409);
        assertThat(notCrawled.json().get("detail").asString()).contains("uploaded, not crawled");
        assertThat(admin.post("/api/v1/documents/0198f3a0-0000-7000-8000-000000000000/sync", "").status())
            .isEqualTo(404);
        assertThat(reader.post("/api/v1/documents/crawl", "{}").status()).isEqualTo(403);
        assertThat(reader.post("/api/v1/documents/" + uploaded + "/sync", "").status()).isEqualTo(403);
    }

    private JsonNode crawl(String body) {
        Api.Response accepted = postCrawl(body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = await(accepted.json().get("jobId").asString());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
        return job;
    }

    private Api.Response postCrawl(String body) {
        return admin.post("/api/v1/documents/crawl", body);
    }

    private JsonNode await(String jobId) {
        return Eventually.await(Duration.ofSeconds(240), () -> admin.get("/api/v1/ingestions/" + jobId).json(),
                state -> !List.of("QUEUED", "RUNNING").contains(state.get("state").asString()));
    }

    private List<String> pagePaths(String id) {
        JsonNode pages = reader.get("/api/v1/documents/" + id + "/pages?limit=200").json();
        return StreamSupport.stream(pages.get("items").spliterator(), false)
            .map(page -> page.get("path").asString())
            .toList();
    }

    private String topChunk(String id, String query) {
        return reader.get("/api/v1/search?q=" + query + "&k=1&documentId=" + id)
            .json()
            .get(0)
            .get("chunkId")
            .asString();
    }

    private static List<String> skipped(JsonNode job) {
        return StreamSupport.stream(job.get("skipped").spliterator(), false).map(JsonNode::asString).toList();
    }

    private static void assertField(Api.Response response, String field, String says) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(says);
    }

}
