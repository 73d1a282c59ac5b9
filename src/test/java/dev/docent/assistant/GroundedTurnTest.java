package dev.docent.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.chat.Category;
import dev.docent.shared.UserId;
import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.SseStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * OFFICIAL_DOCS turns without a language model: retrieved passages, quoted and cited by
 * the extractive answerer.
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundedTurnTest {

    static final String TEA = """
            # Brewing tea

            ## Water temperature

            Green tea wants water at about 80 degrees Celsius, because boiling water makes green tea bitter. \
            Black tea takes water just off the boil.

            ## Steeping time

            Steep green tea for two minutes. Steep black tea for four minutes; longer steeping releases more \
            tannins and makes the tea astringent.
            """;
    static final String BREAD = """
            # Baking sourdough bread

            ## Feeding the starter

            Feed the sourdough starter with equal weights of flour and water every day, and discard half of \
            the starter before each feeding so it stays active.
            """;

    @LocalServerPort
    int port;

    String tea;

    String bread;

    @BeforeAll
    void documents() {
        Api admin = new Api(port).login("librarian", "shelve-the-books-42");
        tea = admin.ingest("tea", "Tea guide", Map.of("tea.md", TEA));
        bread = admin.ingest("bread", "Bread guide", Map.of("bread.md", BREAD));
    }

    @AfterAll
    void deleteDocuments() {
        Api admin = new Api(port).login("librarian", "shelve-the-books-42");
        admin.delete("/api/v1/documents/" + tea);
        admin.delete("/api/v1/documents/" + bread);
    }

    @Test
    void anAnswerQuotesTheBestPassageAndCitesIt() {
        Api api = new Api(port).newUser();
        Api.Response created = api.post("/api/v1/chats",
                "{\"message\":\"How hot should the water be for green tea?\",\"category\":\"OFFICIAL_DOCS\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode answer = created.json().get("messages").get(1);
        assertThat(answer.get("content").asString()).contains("80 degrees").contains("[1]");
        JsonNode source = answer.get("sources").get(0);
        assertThat(source.get("n").asInt()).isEqualTo(1);
        assertThat(source.get("documentId").asString()).isEqualTo(tea);
        assertThat(source.get("documentTitle").asString()).isEqualTo("Tea guide");
        assertThat(source.get("page").asString()).isEqualTo("tea.md");
        assertThat(source.get("section").asString()).isEqualTo("Water temperature");
        assertThat(source.get("url").asString()).isEqualTo("tea.md#water-temperature");
        assertThat(source.get("snippet").asString()).startsWith("Green tea wants water");
        String chatId = created.json().get("chat").get("id").asString();
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages").get(1).get("sources"))
            .isEqualTo(answer.get("sources"));
    }

    @Test
    void aStreamedAnswerSendsItsSourcesBeforeItsTokens() {
        Api api = new Api(port).newUser();
        try (SseStream stream = api.stream("/api/v1/chats",
                "{\"message\":\"How often do I feed a sourdough starter?\",\"category\":\"OFFICIAL_DOCS\"}")) {
            stream.next("meta");
            JsonNode sources = stream.next("sources").json();
            assertThat(sources).isNotEmpty();
            assertThat(sources.get(0).get("page").asString()).isEqualTo("bread.md");
            List<SseStream.Event> rest = stream.rest();
            StringBuilder tokens = new StringBuilder();
            rest.stream()
                .filter(event -> event.name().equals("token"))
                .forEach(event -> tokens.append(event.json().get("text").asString()));
            SseStream.Event done = rest.getLast();
            assertThat(done.name()).isEqualTo("done");
            assertThat(rest.stream().filter(event -> event.name().equals("token")).count()).isGreaterThan(1);
            JsonNode message = done.json().get("message");
            assertThat(tokens.toString()).isEqualTo(message.get("content").asString()).contains("every day");
            assertThat(message.get("sources").get(0).get("page").asString()).isEqualTo("bread.md");
        }
    }

    @Test
    void aFollowUpIsSearchedWithTheEarlierQuestion() {
        Api api = new Api(port).newUser();
        String chatId = api
            .post("/api/v1/chats",
                    "{\"message\":\"How long should I steep green tea?\",\"category\":\"OFFICIAL_DOCS\"}")
            .json()
            .get("chat")
            .get("id")
            .asString();

        Api.Response followUp = api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"and black?\"}");

        JsonNode answer = followUp.json().get("messages").get(1);
        assertThat(answer.get("content").asString()).contains("four minutes");
        assertThat(answer.get("sources").get(0).get("section").asString()).isEqualTo("Steeping time");
    }

    @Test
    void aQuestionTheDocumentsDoNotCoverIsSaidSoWithoutSources() {
        Api api = new Api(port).newUser();
        JsonNode answer = api
            .post("/api/v1/chats",
                    "{\"message\":\"How do I replace the spark plugs of a motorbike?\",\"category\":\"OFFICIAL_DOCS\"}")
            .json()
            .get("messages")
            .get(1);

        assertThat(answer.get("content").asString()).contains("does not seem to cover");
        assertThat(answer.get("sources")).isEmpty();
    }

    @Test
    void aChatTiedToADocumentSetAnswersOnlyFromIt() {
        Api api = new Api(port).newUser();
        JsonNode answer = api
            .post("/api/v1/chats",
                    "{\"message\":\"How hot should the water be for green tea?\","
                            + "\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + bread + "\"}")
            .json()
            .get("messages")
            .get(1);

        assertThat(answer.get("sources").findValuesAsString("documentId")).doesNotContain(tea);
        assertThat(answer.get("content").asString()).doesNotContain("80 degrees");
    }

    @Autowired
    Conversation conversation;

    /**
     * The client goes away after the first words (its socket write fails): the offline
     * answer was whole before it streamed, and is stored whole, not as an empty
     * interrupted answer.
     */
    @Test
    void aClientThatLeavesWhileAnOfflineAnswerStreamsFindsItWholeLater() {
        Api api = new Api(port).newUser();
        UserId user = new UserId(UUID.fromString(api.get("/api/v1/me").json().get("id").asString()));
        TurnListener leavesAfterTheFirstWords = new TurnListener() {
            private int tokens;

            @Override
            public void token(String text) throws IOException {
                if (++tokens > 1) {
                    throw new IOException("Broken pipe");
                }
            }
        };

        TurnOutcome outcome = conversation
            .start(user, Category.OFFICIAL_DOCS, UUID.fromString(tea), "How hot should the water be for green tea?")
            .run(leavesAfterTheFirstWords);

        JsonNode stored = api.get("/api/v1/chats/" + outcome.chat().id()).json().get("messages").get(1);
        assertThat(stored.get("content").asString()).contains("80 degrees").contains("[1]");
        assertThat(stored.get("interrupted").asBoolean()).isFalse();
        assertThat(stored.get("sources")).hasSize(1);
    }

}
