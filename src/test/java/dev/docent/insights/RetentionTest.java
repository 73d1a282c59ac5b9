package dev.docent.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Eventually;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * DOCENT_RETENTION_DAYS in the background: an old conversation is deleted through the
 * ordinary delete (a cached copy stops being served), and the insights keep only its
 * counts. A conversation its reader deletes leaves only counts too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InsightsSite.class)
@TestPropertySource(properties = { "docent.retention.days=30", "docent.retention.interval=300ms",
        "docent.retention.initial-delay=0s" })
class RetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oldConversationsGoAndTheirInsightsKeepOnlyCounts() {
        Api admin = InsightsSite.admin(port);
        String documentId = admin.ingest("retention-docs", "Retention Docs", InsightsSite.DOCS);
        Api reader = new Api(port).newUser();
        String old = InsightsSite.ask(reader, documentId, "How do I append an item to a list?");
        String recent = InsightsSite.ask(reader, documentId, "What is a tuple?");
        String range = "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(60);
        Eventually.await(Duration.ofSeconds(30), () -> admin.get("/api/v1/insights" + range).json(),
                i -> i.get("outcomes").get("questions").asLong() == 2);
        reader.get("/api/v1/chats/" + old);
        assertThat(reader.get("/api/v1/chats/" + old).header("X-Cache")).isEqualTo("HIT");

        UUID oldId = UUID.fromString(old);
        jdbc.sql("update chats set updated_at = updated_at - interval '40 days' where id = ?").param(oldId).update();
        jdbc.sql("update insight_citations set asked_at = asked_at - interval '40 days'"
                + " where insight_id in (select id from question_insights where chat_id = ?)")
            .param(oldId)
            .update();
        jdbc.sql("update question_insights set asked_at = asked_at - interval '40 days',"
                + " asked_day = asked_day - 40 where chat_id = ?")
            .param(oldId)
            .update();

        Eventually.await(Duration.ofSeconds(10), () -> reader.get("/api/v1/chats/" + old).status(),
                status -> status == 404);
        assertThat(reader.get("/api/v1/chats/" + recent).status()).isEqualTo(200);
        JsonNode list = reader.get("/api/v1/chats").json().get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString()).isEqualTo(recent);

        Eventually.await(Duration.ofSeconds(10), () -> admin.get("/api/v1/insights/questions" + range).json(),
                asked -> asked.size() == 1);
        JsonNode report = admin.get("/api/v1/insights" + range).json();
        assertThat(report.get("outcomes").get("questions").asLong()).isEqualTo(2);
        assertThat(report.get("citedPages").toString()).contains("lists.md");
        assertThat(admin.get("/api/v1/insights/conversations/" + old).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from question_insights where question like '%append%'")
            .query(Integer.class)
            .single()).isZero();

        assertThat(reader.delete("/api/v1/chats/" + recent).status()).isEqualTo(204);
        Eventually.await(Duration.ofSeconds(10), () -> admin.get("/api/v1/insights/questions" + range).json(),
                JsonNode::isEmpty);
        assertThat(admin.get("/api/v1/insights" + range).json().get("outcomes").get("questions").asLong()).isEqualTo(2);
    }

}
