package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A chat whose document set was deleted goes on in place, with its history, over all the
 * sets ({@code PATCH {"allDocuments":true}}) or over another set ({@code documentId}).
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42" })
class ChatScopeApiTest {

    static final String TEA = """
            # Brewing tea

            ## Water temperature

            Green tea wants water at about 80 degrees Celsius; boiling water makes it bitter. Black tea takes \
            water just off the boil.
            """;

    static final String BREAD = """
            # Baking sourdough bread

            ## Feeding the starter

            Feed the sourdough starter with equal weights of flour and water every day, and discard half before \
            each feeding so it stays active.
            """;

    static final String BICYCLE = """
            # Bicycle care

            ## Oiling the chain

            Clean the bicycle chain with a rag, then put one drop of chain oil on each roller and wipe off the \
            excess so it does not collect dirt.
            """;

    @LocalServerPort
    int port;

    Api admin;

    Api reader;

    String tea;

    String bread;

    String bicycles;

    @BeforeEach
    void documents() {
        admin = new Api(port).login("librarian", "shelve-the-books-42");
        reader = new Api(port).newUser();
        tea = admin.ingest("tea", "Tea", Map.of("tea.md", TEA));
        bread = admin.ingest("bread", "Bread", Map.of("bread.md", BREAD));
        bicycles = admin.ingest("bicycles", "Bicycles", Map.of("bicycle.md", BICYCLE));
    }

    @AfterEach
    void deleteDocuments() {
        for (JsonNode document : admin.get("/api/v1/documents").json()) {
            admin.delete("/api/v1/documents/" + document.get("id").asString());
        }
    }

    @Test
    void aChatWhoseSetWasDeletedGoesOnInPlaceOverAllTheSets() {
        String chatId = officialChat(bicycles, "How do I oil a bicycle chain?");
        String chat = "/api/v1/chats/" + chatId;
        assertThat(sourceSets(reader.get(chat).json().get("messages").get(1))).containsExactly(bicycles);
        assertThat(admin.delete("/api/v1/documents/" + bicycles).status()).isEqualTo(204);
        Api.Response before = reader.get(chat);
        assertThat(before.header("X-Cache")).isEqualTo("HIT");
        assertThat(before.json().get("documentId").asString()).isEqualTo(bicycles);

        Api.Response patched = reader.patch(chat, "{\"allDocuments\":true}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("id").asString()).isEqualTo(chatId);
        assertThat(patched.json().get("category").asString()).isEqualTo("OFFICIAL_DOCS");
        assertThat(patched.json().get("documentId")).as("all sets, as a chat started without one").isNull();
        assertThat(patched.json().get("title").asString()).isEqualTo("How do I oil a bicycle chain?");
        // the write went through the cache: the next read is a hit with the new scope
        Api.Response after = reader.get(chat);
        assertThat(after.header("X-Cache")).isEqualTo("HIT");
        assertThat(after.json().get("documentId")).isNull();
        assertThat(after.json().get("messages")).hasSize(2);
        assertThat(after.json().get("messages").get(0).get("content").asString())
            .isEqualTo("How do I oil a bicycle chain?");
        JsonNode listed = reader.get("/api/v1/chats").json().get("items").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(chatId);
        assertThat(listed.get("documentId")).isNull();

        Set<String> cited = new HashSet<>();
        for (String question : new String[] { "How hot should the water be for green tea?",
                "How often do I feed a sourdough starter?" }) {
            Api.Response asked = reader.post(chat + "/messages", "{\"message\":\"" + question + "\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(200);
            cited.addAll(sourceSets(asked.json().get("messages").get(1)));
        }
        assertThat(cited).as("the answers cite sets the chat was not started on").containsExactlyInAnyOrder(tea, bread);
        assertThat(reader.get(chat).json().get("messages")).hasSize(6);
    }

    @Test
    void aChatMayBePointedAtAnotherSetThatExistsAndRenamedAtTheSameTime() {
        String chat = "/api/v1/chats/" + officialChat(tea, "How hot should the water be for green tea?");

        Api.Response patched = reader.patch(chat, "{\"title\":\" Bread now \",\"documentId\":\"" + bread + "\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("documentId").asString()).isEqualTo(bread);
        assertThat(patched.json().get("title").asString()).isEqualTo("Bread now");
        JsonNode read = reader.get(chat).json();
        assertThat(read.get("documentId").asString()).isEqualTo(bread);
        assertThat(read.get("title").asString()).isEqualTo("Bread now");
        Api.Response asked = reader.post(chat + "/messages",
                "{\"message\":\"How hot should the water be for black tea?\"}");
        assertThat(sourceSets(asked.json().get("messages").get(1))).as("only the new set is searched")
            .doesNotContain(tea);

        assertThat(reader.patch(chat, "{\"title\":\"Only the title\"}").json().get("documentId").asString())
            .as("a rename keeps the set")
            .isEqualTo(bread);
    }

    @Test
    void badScopesAreRefusedNamingTheFieldAndChangeNothing() {
        String chat = "/api/v1/chats/" + officialChat(tea, "How hot should the water be for green tea?");
        assertField(reader.patch(chat, "{\"allDocuments\":false}"), "allDocuments");
        assertField(reader.patch(chat, "{\"allDocuments\":true,\"documentId\":\"" + bread + "\"}"), "allDocuments");
        assertField(reader.patch(chat, "{\"documentId\":\"not-a-set\"}"), "documentId");
        assertField(reader.patch(chat, "{\"documentId\":\"0198f3a0-0000-7000-8000-000000000000\"}"), "documentId");
        assertField(reader.patch(chat, "{\"documentId\":\"" + bicycles + "\",\"title\":\" \"}"), "title");
        assertField(reader.patch(chat, "{}"), "body");
        admin.delete("/api/v1/documents/" + bicycles);
        assertField(reader.patch(chat, "{\"documentId\":\"" + bicycles + "\"}"), "documentId");

        String general = "/api/v1/chats/" + reader.newChat("Tell me about tea");
        assertField(reader.patch(general, "{\"allDocuments\":true}"), "allDocuments");
        assertField(reader.patch(general, "{\"documentId\":\"" + tea + "\"}"), "documentId");

        assertThat(reader.get(chat).json().get("documentId").asString()).isEqualTo(tea);
        assertThat(reader.get(chat).json().get("title").asString())
            .isEqualTo("How hot should the water be for green tea?");
        assertThat(reader.get(general).json().get("documentId")).isNull();
        assertThat(reader.get(general).json().get("category").asString()).isEqualTo("GENERAL");
    }

    @Test
    void anotherUsersChatIsNotFoundAndKeepsItsScope() {
        String chat = "/api/v1/chats/" + officialChat(tea, "How hot should the water be for green tea?");
        Api other = new Api(port).newUser();

        assertThat(other.patch(chat, "{\"allDocuments\":true}").status()).isEqualTo(404);
        Api.Response found = other.patch(chat, "{\"documentId\":\"" + bread + "\"}");
        assertThat(found.status()).isEqualTo(404);
        assertThat(found.contentType()).startsWith("application/problem+json");
        assertThat(
                other.patch("/api/v1/chats/0198f3a0-0000-7000-8000-000000000000", "{\"allDocuments\":true}").status())
            .isEqualTo(404);

        assertThat(reader.get(chat).json().get("documentId").asString()).isEqualTo(tea);
    }

    private String officialChat(String documentId, String question) {
        Api.Response created = reader.post("/api/v1/chats", "{\"message\":\"" + question
                + "\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + documentId + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("chat").get("id").asString();
    }

    private static Set<String> sourceSets(JsonNode answer) {
        Set<String> sets = new HashSet<>();
        answer.get("sources").forEach(source -> sets.add(source.get("documentId").asString()));
        return sets;
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

}
