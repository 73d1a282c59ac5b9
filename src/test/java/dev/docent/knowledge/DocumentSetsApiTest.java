package dev.docent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.Eventually;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Managing a set: editing its names without re-ingesting, browsing its pages and
 * passages.
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42" })
class DocumentSetsApiTest {

    @LocalServerPort
    int port;

    Api admin;

    Api reader;

    String household;

    @BeforeEach
    void documents() {
        admin = new Api(port).login("librarian", "shelve-the-books-42");
        reader = new Api(port).newUser();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tea.md", KnowledgeApiTest.TEA);
        files.put("kitchen/bread.md", KnowledgeApiTest.BREAD);
        files.put("bicycle.html", KnowledgeApiTest.BICYCLE_HTML);
        household = admin.ingest("household", "Household guide", "https://example.org/house/", files);
    }

    @AfterEach
    void deleteDocuments() {
        for (JsonNode document : admin.get("/api/v1/documents").json()) {
            admin.delete("/api/v1/documents/" + document.get("id").asString());
        }
    }

    @Test
    void editingTitleAndBaseUrlKeepsThePassagesAndTheCitationsOfStoredAnswers() {
        Api.Response asked = reader.post("/api/v1/chats",
                "{\"message\":\"How hot should the water be for green tea?\",\"category\":\"OFFICIAL_DOCS\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String chatId = asked.json().get("chat").get("id").asString();
        JsonNode cited = asked.json().get("messages").get(1).get("sources").get(0);
        assertThat(cited.get("url").asString()).isEqualTo("https://example.org/house/tea.md#water-temperature");
        String passageBefore = chunkIdOf("green+tea+water+temperature");

        Api.Response edited = admin.patch("/api/v1/documents/" + household,
                "{\"title\":\"Home handbook\",\"baseUrl\":\"https://docs.example.org/home/\"}");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Home handbook");
        assertThat(edited.json().get("baseUrl").asString()).isEqualTo("https://docs.example.org/home/");
        assertThat(edited.json().get("pageCount").asInt()).isEqualTo(3);
        // no re-ingest: the same passages, now linking to the new site
        JsonNode hit = Eventually.await(Duration.ofSeconds(15),
                () -> reader.get("/api/v1/search?q=green+tea+water+temperature&k=1").json().get(0),
                top -> top.get("url").asString().startsWith("https://docs.example.org/home/"));
        assertThat(hit.get("chunkId").asString()).isEqualTo(passageBefore);
        assertThat(hit.get("url").asString()).isEqualTo("https://docs.example.org/home/tea.md#water-temperature");
        // the stored answer still cites the same set and page, which the set still holds
        JsonNode stored = reader.get("/api/v1/chats/" + chatId).json().get("messages").get(1).get("sources").get(0);
        assertThat(stored).isEqualTo(cited);
        assertThat(pagePaths(reader.get("/api/v1/documents/" + household + "/pages").json()))
            .contains(stored.get("page").asString());
        assertThat(stored.get("documentId").asString()).isEqualTo(household);

        // only the base URL, then removing it
        assertThat(admin.patch("/api/v1/documents/" + household, "{\"baseUrl\":\"\"}").json().get("title").asString())
            .isEqualTo("Home handbook");
        assertThat(reader.get("/api/v1/documents/" + household).json().get("baseUrl")).isNull();
    }

    @Test
    void badEditsAreRefusedAndOnlyAdminsEdit() {
        assertField(admin.patch("/api/v1/documents/" + household, "{\"title\":\" \"}"), "title");
        assertField(admin.patch("/api/v1/documents/" + household, "{\"baseUrl\":\"javascript:alert(1)\"}"), "baseUrl");
        assertThat(admin.patch("/api/v1/documents/0198f3a0-0000-7000-8000-000000000000", "{\"title\":\"X\"}").status())
            .isEqualTo(404);
        Api.Response forbidden = reader.patch("/api/v1/documents/" + household, "{\"title\":\"Mine\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(reader.get("/api/v1/documents/" + household).json().get("title").asString())
            .isEqualTo("Household guide");
    }

    @Test
    void aSetsPagesAndAPagesPassagesAreListedAsStored() {
        JsonNode first = reader.get("/api/v1/documents/" + household + "/pages?limit=2").json();
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("limit").asInt()).isEqualTo(2);
        assertThat(pagePaths(first)).containsExactly("bicycle.html", "kitchen/bread.md");
        JsonNode rest = reader.get("/api/v1/documents/" + household + "/pages?offset=2&limit=2").json();
        assertThat(pagePaths(rest)).containsExactly("tea.md");

        JsonNode tea = rest.get("items").get(0);
        assertThat(tea.get("title").asString()).isEqualTo("Brewing tea");
        assertThat(tea.get("url").asString()).isEqualTo("https://example.org/house/tea.md");
        assertThat(tea.get("ingestedAt").isNull()).isFalse();
        JsonNode page = reader.get("/api/v1/documents/" + household + "/pages/" + tea.get("id").asString()).json();
        JsonNode passages = page.get("passages");
        assertThat(passages).hasSize(tea.get("passages").asInt());
        assertThat(passages.get(0).get("position").asInt()).isEqualTo(0);
        JsonNode water = java.util.stream.StreamSupport.stream(passages.spliterator(), false)
            .filter(passage -> passage.get("section").asString().equals("Water temperature"))
            .findFirst()
            .orElseThrow();
        assertThat(water.get("anchor").asString()).isEqualTo("water-temperature");
        assertThat(water.get("url").asString()).isEqualTo("https://example.org/house/tea.md#water-temperature");
        assertThat(water.get("text").asString()).contains("80 degrees Celsius");
        // the passage is the one search finds
        assertThat(water.get("id").asString()).isEqualTo(chunkIdOf("green+tea+water+temperature"));

        assertThat(
                reader.get("/api/v1/documents/" + household + "/pages/0198f3a0-0000-7000-8000-000000000000").status())
            .isEqualTo(404);
        assertField(reader.get("/api/v1/documents/" + household + "/pages?limit=0"), "limit");
        assertField(reader.get("/api/v1/documents/" + household + "/pages?offset=-1"), "offset");
        assertThat(reader.get("/api/v1/documents/0198f3a0-0000-7000-8000-000000000000/pages").status()).isEqualTo(404);
    }

    private String chunkIdOf(String query) {
        return reader.get("/api/v1/search?q=" + query + "&k=1").json().get(0).get("chunkId").asString();
    }

    private static java.util.List<String> pagePaths(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.get("items").spliterator(), false)
            .map(item -> item.get("path").asString())
            .toList();
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

}
