package dev.docent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.Eventually;
import dev.docent.support.Zips;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@DocentTest
@TestPropertySource(properties = { "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42" })
public class KnowledgeApiTest {

    public static final String TEA = """
            # Brewing tea

            ## Water temperature

            Green tea wants water at about 80 degrees Celsius; boiling water makes it bitter. Black tea takes \
            water just off the boil.

            ## Steeping time

            Steep green tea for two minutes and black tea for four. Longer steeping releases more tannins.
            """;

    public static final String BREAD = """
            # Baking sourdough bread

            ## Feeding the starter

            Feed the sourdough starter with equal weights of flour and water every day, and discard half before \
            each feeding so it stays active.
            """;
    static final String BICYCLE_HTML = """
            <html><head><title>Bicycle care</title></head><body><nav>Home | Search</nav><main>
            <h1>Bicycle care</h1><section><h2 id="chain">Oiling the chain</h2>
            <p>Clean the bicycle chain with a rag, then put one drop of chain oil on each roller and wipe off the \
            excess so it does not collect dirt.</p></section></main><footer>Copyright</footer></body></html>
            """;

    @LocalServerPort
    int port;

    Api admin;

    Api learner;

    @BeforeEach
    void users() {
        admin = new Api(port).login("librarian", "shelve-the-books-42");
        learner = new Api(port).newUser();
        deleteDocuments();
    }

    @AfterEach
    void deleteDocuments() {
        for (JsonNode document : admin.get("/api/v1/documents").json()) {
            admin.delete("/api/v1/documents/" + document.get("id").asString());
        }
    }

    @Test
    void anAdminUploadsFilesAndAZipAndEveryoneCanSearchThem() throws Exception {
        JsonNode job = ingest("household", "Household guide",
                Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8), "more.zip",
                        Zips.ofText(Map.of("kitchen/bread.md", BREAD, "garage/bicycle.html", BICYCLE_HTML,
                                "garage/photo.png", "\u0089PNG not really"))));

        assertThat(job.get("pagesTotal").asInt()).isEqualTo(4);
        assertThat(job.get("skipped").get(0).asString()).startsWith("garage/photo.png: unsupported file type");
        JsonNode document = learner.get("/api/v1/documents").json().get(0);
        assertThat(document.get("slug").asString()).isEqualTo("household");
        assertThat(document.get("title").asString()).isEqualTo("Household guide");
        assertThat(document.get("pageCount").asInt()).isEqualTo(3);
        assertThat(document.get("chunkCount").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(document.get("ingestedAt").isNull()).isFalse();

        JsonNode top = learner.get("/api/v1/search?q=how+hot+should+the+water+be+for+green+tea").json().get(0);
        assertThat(top.get("page").asString()).isEqualTo("tea.md");
        assertThat(top.get("section").asString()).isEqualTo("Water temperature");
        assertThat(top.get("url").asString()).isEqualTo("https://example.org/house/tea.md#water-temperature");
        assertThat(top.get("documentId").asString()).isEqualTo(document.get("id").asString());
        assertThat(learner.get("/api/v1/search?q=oil+the+chain&k=1").json().get(0).get("url").asString())
            .isEqualTo("https://example.org/house/garage/bicycle.html#chain");
    }

    @Test
    void searchMatchesMeaningNotOnlyWords() throws Exception {
        ingest("household", "Household guide", Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8), "bread.md",
                BREAD.getBytes(StandardCharsets.UTF_8)));

        // No word of the question appears in the starter passage; only the vectors can
        // find it.
        JsonNode top = learner.get("/api/v1/search?q=keeping+my+yeast+culture+alive&k=1").json().get(0);
        assertThat(top.get("page").asString()).isEqualTo("bread.md");
    }

    @Test
    void reIngestingReplacesOnlyChangedPagesAndRemovesMissingOnes() throws Exception {
        ingest("household", "Household guide", Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8), "bread.md",
                BREAD.getBytes(StandardCharsets.UTF_8), "bicycle.html", BICYCLE_HTML.getBytes(StandardCharsets.UTF_8)));
        String teaChunk = chunkIdOf("green tea water temperature", "tea.md");
        String breadChunk = chunkIdOf("sourdough starter", "bread.md");

        ingest("household", "Household guide", Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8), "bread.md",
                BREAD.replace("every day", "twice a day").getBytes(StandardCharsets.UTF_8)), true);

        assertThat(chunkIdOf("green tea water temperature", "tea.md")).isEqualTo(teaChunk);
        assertThat(chunkIdOf("sourdough starter", "bread.md")).isNotEqualTo(breadChunk);
        assertThat(learner.get("/api/v1/search?q=sourdough+starter&k=1").json().get(0).get("text").asString())
            .contains("twice a day");
        assertThat(pages(learner.get("/api/v1/search?q=bicycle+chain+oil&k=50").json())).doesNotContain("bicycle.html");
        assertThat(learner.get("/api/v1/documents").json().get(0).get("pageCount").asInt()).isEqualTo(2);
    }

    @Test
    void anUploadToATakenSlugIsRefusedUnlessItSaysItUpdatesThatSet() throws Exception {
        String id = ingest("household", "Household guide", Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8)))
            .get("documentId")
            .asString();
        String teaChunk = chunkIdOf("green tea water temperature", "tea.md");

        Api.Response refused = admin.upload("/api/v1/documents", Map.of("slug", "household", "title", "Other"), "files",
                Map.of("bread.md", BREAD.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/document-exists");
        assertThat(refused.json().get("detail").asString()).contains("household").contains("Household guide");
        JsonNode kept = learner.get("/api/v1/documents/" + id).json();
        assertThat(kept.get("title").asString()).isEqualTo("Household guide");
        assertThat(chunkIdOf("green tea water temperature", "tea.md")).isEqualTo(teaChunk);

        JsonNode updated = ingest("household", "Household guide", Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8),
                "bread.md", BREAD.getBytes(StandardCharsets.UTF_8)), true);
        assertThat(updated.get("documentId").asString()).isEqualTo(id);
        assertThat(chunkIdOf("green tea water temperature", "tea.md")).as("an unchanged page is not re-embedded")
            .isEqualTo(teaChunk);
        assertThat(learner.get("/api/v1/documents/" + id).json().get("pageCount").asInt()).isEqualTo(2);
    }

    @Test
    void deletingADocumentRemovesItsPassagesFromSearch() throws Exception {
        JsonNode job = ingest("household", "Household guide", Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8)));
        String id = job.get("documentId").asString();

        assertThat(admin.delete("/api/v1/documents/" + id).status()).isEqualTo(204);

        assertThat(learner.get("/api/v1/documents").json()).isEmpty();
        assertThat(learner.get("/api/v1/search?q=green+tea").json()).isEmpty();
        assertThat(admin.delete("/api/v1/documents/" + id).status()).isEqualTo(404);
    }

    @Test
    void searchKeepsToTheDocumentAsked() throws Exception {
        ingest("tea", "Tea", Map.of("tea.md", TEA.getBytes(StandardCharsets.UTF_8)));
        String bread = ingest("bread", "Bread", Map.of("bread.md", BREAD.getBytes(StandardCharsets.UTF_8)))
            .get("documentId")
            .asString();

        JsonNode hits = learner.get("/api/v1/search?q=green+tea+water&documentId=" + bread).json();
        assertThat(hits).isNotEmpty();
        assertThat(pages(hits)).containsOnly("bread.md");
    }

    @Test
    void anUploadWithNothingReadableFailsAndLeavesNoEmptySetBehind() {
        Api.Response accepted = admin.upload("/api/v1/documents", Map.of("slug", "pictures", "title", "Pictures"),
                "files", Map.of("photo.png", "\u0089PNG not really".getBytes(StandardCharsets.UTF_8)));
        String job = accepted.json().get("jobId").asString();

        JsonNode failed = Eventually.await(Duration.ofSeconds(30), () -> admin.get("/api/v1/ingestions/" + job).json(),
                state -> !List.of("QUEUED", "RUNNING").contains(state.get("state").asString()));

        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("none of the 1 file(s) could be ingested")
            .contains("photo.png: unsupported file type");
        assertThat(learner.get("/api/v1/documents").json()).isEmpty();
    }

    @Test
    void onlyAdminsChangeDocuments() {
        Api.Response upload = learner.upload("/api/v1/documents", Map.of("slug", "x", "title", "X"), "files",
                Map.of("a.md", "# A".getBytes(StandardCharsets.UTF_8)));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.contentType()).startsWith("application/problem+json");
        assertThat(learner.delete("/api/v1/documents/0198f3a0-0000-7000-8000-000000000000").status()).isEqualTo(403);
        assertThat(learner.get("/api/v1/ingestions/0198f3a0-0000-7000-8000-000000000000").status()).isEqualTo(403);
        assertThat(new Api(port).get("/api/v1/documents").status()).isEqualTo(401);
    }

    @Test
    void badUploadsAreRefusedWithAProblemNamingTheField() throws Exception {
        byte[] page = "# A".getBytes(StandardCharsets.UTF_8);
        assertField(admin.upload("/api/v1/documents", Map.of("title", "X"), "files", Map.of("a.md", page)), 400,
                "slug");
        assertField(admin.upload("/api/v1/documents", Map.of("slug", "Not A Slug", "title", "X"), "files",
                Map.of("a.md", page)), 400, "slug");
        assertField(admin.upload("/api/v1/documents", Map.of("slug", "x"), "files", Map.of("a.md", page)), 400,
                "title");
        assertField(admin.upload("/api/v1/documents",
                Map.of("slug", "x", "title", "X", "baseUrl", "javascript:alert(1)"), "files", Map.of("a.md", page)),
                400, "baseUrl");
        for (String shownToEveryReader : List.of("https://user:pass@docs.example.com/", "https://docs.example.com/?q=1",
                "https://docs.example.com/#frag")) {
            assertField(admin.upload("/api/v1/documents",
                    Map.of("slug", "x", "title", "X", "baseUrl", shownToEveryReader), "files", Map.of("a.md", page)),
                    400, "baseUrl");
        }
        assertField(admin.upload("/api/v1/documents", Map.of("slug", "x", "title", "\u200b"), "files",
                Map.of("a.md", page)), 400, "title");
        assertField(admin.upload("/api/v1/documents", Map.of("slug", "x", "title", "X"), "files", Map.of()), 400,
                "files");
        assertField(admin.upload("/api/v1/documents", Map.of("slug", "x", "title", "X"), "files",
                Map.of("evil.zip", Zips.ofText(Map.of("../../etc/cron.d/evil", "x")))), 400, "files");
        assertThat(admin.get("/api/v1/ingestions/not-a-uuid").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/ingestions/0198f3a0-0000-7000-8000-000000000000").status()).isEqualTo(404);
        assertThat(learner.get("/api/v1/documents").json()).isEmpty();
    }

    @Test
    void badSearchesAreRefusedWithAProblemNamingTheParameter() {
        assertField(learner.get("/api/v1/search"), 400, "q");
        assertField(learner.get("/api/v1/search?q=%20"), 400, "q");
        assertField(learner.get("/api/v1/search?q=tea&k=0"), 400, "k");
        assertField(learner.get("/api/v1/search?q=tea&k=51"), 400, "k");
        assertField(learner.get("/api/v1/search?q=tea%00"), 400, "q");
        assertField(learner.get("/api/v1/search?q=" + "a".repeat(1001)), 400, "q");
        assertThat(learner.get("/api/v1/search?q=tea&k=ten").status()).isEqualTo(400);
        assertThat(learner.get("/api/v1/search?q=tea&documentId=nope").status()).isEqualTo(400);
        assertThat(learner.get("/api/v1/search?q=tea&documentId=0198f3a0-0000-7000-8000-000000000000").status())
            .isEqualTo(404);
    }

    private JsonNode ingest(String slug, String title, Map<String, byte[]> files) {
        return ingest(slug, title, files, false);
    }

    private JsonNode ingest(String slug, String title, Map<String, byte[]> files, boolean update) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (update) {
            fields.put("update", "true");
        }
        fields.put("slug", slug);
        fields.put("title", title);
        fields.put("baseUrl", "https://example.org/house/");
        Api.Response accepted = admin.upload("/api/v1/documents", fields, "files", files);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = accepted.json().get("jobId").asString();
        JsonNode done = Eventually.await(Duration.ofSeconds(60), () -> admin.get("/api/v1/ingestions/" + job).json(),
                state -> !List.of("QUEUED", "RUNNING").contains(state.get("state").asString()));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    private String chunkIdOf(String query, String page) {
        for (JsonNode hit : learner.get("/api/v1/search?q=" + query.replace(' ', '+') + "&k=50").json()) {
            if (hit.get("page").asString().equals(page)) {
                return hit.get("chunkId").asString();
            }
        }
        throw new AssertionError("no passage of " + page + " for " + query);
    }

    private static List<String> pages(JsonNode hits) {
        return java.util.stream.StreamSupport.stream(hits.spliterator(), false)
            .map(hit -> hit.get("page").asString())
            .toList();
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

}
