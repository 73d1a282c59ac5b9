package dev.docent.knowledge.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.knowledge.KnowledgeApiTest;
import dev.docent.support.Api;
import dev.docent.support.Eventually;
import dev.docent.support.Instances;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances share PostgreSQL and Redis, each with its own Lucene replica: both answer
 * from the same documents.
 */
class IndexReplicaTest {

    @AutoClose
    static Instances.Two instances;

    @BeforeAll
    static void start() {
        instances = Instances
            .startTwo(Map.of("docent.admin.username", "librarian", "docent.admin.password", "shelve-the-books-42",
                    // The timed check is the backstop; the test must pass on the Redis
                    // notification alone.
                    "docent.knowledge.sync-interval", "1h"));
    }

    @Test
    void anIngestOrDeleteOnOneInstanceReachesTheOthersReplica() {
        Api admin = new Api(instances.firstPort()).login("librarian", "shelve-the-books-42");
        Api onSecond = new Api(instances.secondPort()).newUser();
        Api.Response accepted = admin.upload("/api/v1/documents", Map.of("slug", "tea", "title", "Tea"), "files",
                Map.of("tea.md", KnowledgeApiTest.TEA.getBytes(StandardCharsets.UTF_8)));
        String job = accepted.json().get("jobId").asString();
        Api adminOnSecond = new Api(instances.secondPort()).as(admin.token());
        JsonNode done = Eventually.await(Duration.ofSeconds(60),
                () -> adminOnSecond.get("/api/v1/ingestions/" + job).json(),
                state -> state.get("state").asString().equals("DONE"));

        JsonNode hits = Eventually.await(Duration.ofSeconds(10),
                () -> onSecond.get("/api/v1/search?q=green+tea+water+temperature").json(), found -> !found.isEmpty());
        assertThat(hits.get(0).get("page").asString()).isEqualTo("tea.md");

        assertThat(admin.delete("/api/v1/documents/" + done.get("documentId").asString()).status()).isEqualTo(204);
        assertThat(Eventually.await(Duration.ofSeconds(10),
                () -> onSecond.get("/api/v1/search?q=green+tea+water+temperature").json(), JsonNode::isEmpty))
            .isEmpty();
    }

    @Test
    void aNewInstanceBuildsItsReplicaFromTheDatabase() throws Exception {
        Api admin = new Api(instances.firstPort()).login("librarian", "shelve-the-books-42");
        String job = admin
            .upload("/api/v1/documents", Map.of("slug", "bread", "title", "Bread"), "files",
                    Map.of("bread.md", KnowledgeApiTest.BREAD.getBytes(StandardCharsets.UTF_8)))
            .json()
            .get("jobId")
            .asString();
        Eventually.await(Duration.ofSeconds(60), () -> admin.get("/api/v1/ingestions/" + job).json(),
                state -> state.get("state").asString().equals("DONE"));

        ConfigurableApplicationContext third = Instances
            .start(Map.of("docent.db.url", instances.first().getEnvironment().getProperty("docent.db.url"),
                    "docent.db.user", "postgres", "docent.jwt.secret", "two-replicas-share-this-secret-0123456789",
                    "docent.knowledge.sample-docs", false));
        try {
            Api onThird = new Api(Instances.port(third)).newUser();
            JsonNode hits = Eventually.await(Duration.ofSeconds(20),
                    () -> onThird.get("/api/v1/search?q=sourdough+starter").json(), found -> !found.isEmpty());
            assertThat(hits.get(0).get("page").asString()).isEqualTo("bread.md");
        }
        finally {
            third.close();
        }
    }

}
