package dev.docent.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The insights as a maintainer reads them, after readers asked real questions of a real
 * document set (extractive answers, in-process embeddings) and rated some answers.
 */
// its own context (and database): the insights page test asks questions of its own
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "test.context=insights-api")
@ContextConfiguration(initializers = InsightsSite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsApiTest {

    @LocalServerPort
    int port;

    Api admin;

    Api reader;

    String documentId;

    String breadChat;

    String tupleChat;

    @BeforeAll
    void readersAsk() {
        admin = InsightsSite.admin(port);
        documentId = admin.ingest("insights-docs", "Insights Docs", "https://docs.example.org/", InsightsSite.DOCS);
        reader = new Api(port).newUser();
        InsightsSite.ask(reader, documentId, "How do I append an item to a list?");
        breadChat = InsightsSite.ask(reader, documentId, "How do I bake sourdough bread?");
        InsightsSite.ask(new Api(port).newUser(), documentId, "How do I bake sourdough bread at home?");
        tupleChat = InsightsSite.ask(reader, documentId, "What is a tuple?");
        JsonNode answer = reader.get("/api/v1/chats/" + tupleChat).json().get("messages").get(1);
        assertThat(reader
            .send("PUT", "/api/v1/chats/" + tupleChat + "/messages/" + answer.get("id").asString() + "/feedback",
                    "application/json", "{\"rating\":\"down\",\"reason\":\"wrong\"}")
            .status()).isEqualTo(200);
        Eventually.await(Duration.ofSeconds(30), () -> insights(""),
                i -> i.get("outcomes").get("questions").asLong() == 4
                        && i.get("outcomes").get("thumbsDown").asLong() == 1);
    }

    @Test
    void outcomesCountEveryQuestionAndRating() {
        JsonNode outcomes = insights("").get("outcomes");
        assertThat(outcomes.get("notCovered").asLong()).isEqualTo(2);
        assertThat(outcomes.get("answered").asLong()).isEqualTo(2);
        assertThat(outcomes.get("thumbsDown").asLong()).isEqualTo(1);
        assertThat(outcomes.get("thumbsUp").asLong()).isZero();
        assertThat(insights("").get("questionsPerDay").get(0).get("questions").asLong()).isEqualTo(4);
    }

    @Test
    void gapsGroupQuestionsByMeaningWithExamplesAndTheRetrievedPassages() {
        JsonNode gaps = insights("").get("gaps");
        JsonNode bread = find(gaps, "sourdough");
        assertThat(bread.get("questions").asLong()).isEqualTo(2);
        assertThat(bread.get("notCovered").asLong()).isEqualTo(2);
        assertThat(bread.get("examples")).hasSize(2);
        assertThat(bread.get("passages")).isNotEmpty();
        JsonNode tuple = find(gaps, "tuple");
        assertThat(tuple.get("thumbsDown").asLong()).isEqualTo(1);
        assertThat(texts(gaps, "label")).noneMatch(label -> label.contains("append"));
        assertThat(texts(insights("").get("topQuestions"), "label")).anyMatch(label -> label.contains("append"));
    }

    @Test
    void citedAndNeverCitedPagesComeFromTheAnswers() {
        JsonNode report = insights("");
        assertThat(texts(report.get("citedPages"), "page")).contains("lists.md").doesNotContain("sorting.md");
        assertThat(report.get("citedPages").get(0).get("sections")).isNotEmpty();
        assertThat(texts(report.get("neverCited"), "page")).contains("sorting.md").doesNotContain("lists.md");
    }

    @Test
    void aGapOpensItsConversationsReadOnlyUnderAPseudonym() {
        JsonNode bread = find(insights("").get("gaps"), "sourdough");
        JsonNode asked = admin.get("/api/v1/insights/questions?gap=true&cluster=" + bread.get("cluster").asLong())
            .json();
        assertThat(asked).hasSize(2);
        List<String> readers = texts(asked, "reader");
        assertThat(readers).allMatch(r -> r.matches("reader-[0-9a-f]{8}")).doesNotHaveDuplicates();
        assertThat(asked.toString()).doesNotContain(reader.get("/api/v1/me").json().get("username").asString());
        JsonNode mine = asked.get(0).get("chatId").asString().equals(breadChat) ? asked.get(0) : asked.get(1);
        JsonNode transcript = admin.get("/api/v1/insights/conversations/" + breadChat).json();
        assertThat(transcript.get("reader").asString()).isEqualTo(mine.get("reader").asString());
        assertThat(transcript.get("messages")).hasSize(2);
        assertThat(transcript.get("messages").get(0).get("content").asString()).contains("sourdough");
        assertThat(admin.get("/api/v1/insights/conversations/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aDocumentFilterAndADateRangeNarrowTheReport() {
        assertThat(insights("?documentId=" + java.util.UUID.randomUUID()).get("outcomes").get("questions").asLong())
            .isZero();
        assertThat(insights("?from=2020-01-01&to=2020-01-31").get("gaps")).isEmpty();
        assertThat(insights("?documentId=" + documentId).get("outcomes").get("questions").asLong()).isEqualTo(4);
    }

    @Test
    void eachTableExportsAsCsv() {
        Api.Response gaps = admin.get("/api/v1/insights/export/gaps");
        assertThat(gaps.status()).isEqualTo(200);
        assertThat(gaps.contentType()).startsWith("text/csv");
        assertThat(gaps.header("Content-Disposition")).contains("attachment").contains(".csv");
        assertThat(gaps.body()).startsWith("question,questions,not covered,thumbs down,examples,retrieved passages\r\n")
            .contains("sourdough");
        for (String table : List.of("questions-per-day", "outcomes", "top-questions", "cited-pages", "never-cited")) {
            assertThat(admin.get("/api/v1/insights/export/" + table).status()).as(table).isEqualTo(200);
        }
        assertThat(admin.get("/api/v1/insights/export/never-cited").body()).contains("sorting.md");
    }

    @Test
    void onlyAnAdminSeesInsightsAndBadInputIsAProblem() {
        assertThat(reader.get("/api/v1/insights").status()).isEqualTo(403);
        assertThat(reader.get("/api/v1/insights/conversations/" + breadChat).status()).isEqualTo(403);
        assertProblem(admin.get("/api/v1/insights?from=2026-02-01&to=2026-01-01"), "from");
        assertProblem(admin.get("/api/v1/insights?from=yesterday"), "from");
        assertProblem(admin.get("/api/v1/insights?documentId=nope"), "documentId");
        assertProblem(admin.get("/api/v1/insights/questions?outcome=MAYBE"), "outcome");
        assertProblem(admin.get("/api/v1/insights/export/everything"), "table");
    }

    private static void assertProblem(Api.Response response, String naming) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(naming);
    }

    private JsonNode insights(String query) {
        Api.Response response = admin.get("/api/v1/insights" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode find(JsonNode groups, String word) {
        for (JsonNode group : groups) {
            for (JsonNode example : group.get("examples")) {
                if (example.asString().contains(word)) {
                    return group;
                }
            }
        }
        throw new AssertionError("no group with an example containing '" + word + "' in " + groups);
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.get(field).asString()));
        return texts;
    }

}
