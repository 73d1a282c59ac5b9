package dev.docent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.Eventually;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Korean questions over English documents find the passage that answers them, by the
 * built-in glossary and by an admin's additions to it.
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42",
        "docent.knowledge.glossary=src/test/resources/knowledge/admin-glossary.txt" })
class KoreanSearchTest {

    static final String PROGRAMMING = """
            # A small Python guide

            ## Handling exceptions

            Wrap the statements that may fail in a try block and name the error in an except clause; the \
            program then goes on instead of stopping with a traceback.

            ## Sorting a list

            Call sorted() on any iterable, or the list's own sort() method, and pass key= to order the items \
            by something other than their value.

            ## Reading a file

            Open the file with open() in a with statement and iterate over it to get one line at a time.
            """;

    @LocalServerPort
    int port;

    Api admin;

    Api learner;

    @BeforeEach
    void documents() {
        admin = new Api(port).login("librarian", "shelve-the-books-42");
        learner = new Api(port).newUser();
        for (JsonNode document : admin.get("/api/v1/documents").json()) {
            admin.delete("/api/v1/documents/" + document.get("id").asString());
        }
        ingest(Map.of("python.md", PROGRAMMING.getBytes(StandardCharsets.UTF_8), "tea.md",
                KnowledgeApiTest.TEA.getBytes(StandardCharsets.UTF_8), "bread.md",
                KnowledgeApiTest.BREAD.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aKoreanQuestionFindsTheEnglishPassageThroughTheBuiltInGlossary() {
        assertThat(topSection("예외가 발생해도 프로그램이 멈추지 않게 하려면?")).isEqualTo("Handling exceptions");
        assertThat(topSection("리스트를 원하는 기준으로 정렬하고 싶어요")).isEqualTo("Sorting a list");
        assertThat(topSection("파일을 한 줄씩 읽으려면 어떻게 해요?")).isEqualTo("Reading a file");
    }

    @Test
    void anAdminsGlossaryAddsTheWordsOfTheirOwnDocuments() {
        assertThat(topSection("녹차는 몇 분 동안 우려야 해요?")).isEqualTo("Steeping time");
    }

    private String topSection(String question) {
        JsonNode hits = learner.get("/api/v1/search?k=3&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8))
            .json();
        assertThat(hits).as(question).isNotEmpty();
        return hits.get(0).get("section").asString();
    }

    private void ingest(Map<String, byte[]> files) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("slug", "guides");
        fields.put("title", "Guides");
        Api.Response accepted = admin.upload("/api/v1/documents", fields, "files", files);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = accepted.json().get("jobId").asString();
        JsonNode done = Eventually.await(Duration.ofSeconds(60), () -> admin.get("/api/v1/ingestions/" + job).json(),
                state -> !List.of("QUEUED", "RUNNING").contains(state.get("state").asString()));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
    }

}
