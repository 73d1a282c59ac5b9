package dev.docent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default a newcomer gets from {@code ./mvnw spring-boot:run}: an H2 file database and the
 * in-process cache, nothing configured. (PostgreSQL behaviour is tested against PostgreSQL elsewhere;
 * this is the H2 deployment itself.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"docent.data-dir=${java.io.tmpdir}/docent-embedded-${random.uuid}",
                "docent.admin.username=embedded-admin", "docent.admin.password=" + EmbeddedDefaultTest.PASSWORD})
class EmbeddedDefaultTest {

    static final String PASSWORD = "embedded-admin-42";

    @LocalServerPort
    int port;

    @Test
    void theWholeChatLifecycleWorksOnH2WithTheInProcessCache() {
        JsonNode health = new Api(port).login("embedded-admin", PASSWORD).get("/actuator/health").json()
                .get("components");
        assertThat(health.get("db").get("details").get("database").asString()).isEqualTo("H2");
        assertThat(health.get("cache").get("details").get("adapter").asString()).isEqualTo("in-process");

        Api api = new Api(port).newUser();
        String chatId = api.newChat("How do I reverse a list in Python?");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"follow-up " + i + "\"}")
                    .status()).isEqualTo(200);
        }
        String other = api.newChat("What is a decorator?");

        assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");
        JsonNode page = api.get("/api/v1/chats?limit=1").json();
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(other);
        JsonNode next = api.get("/api/v1/chats?limit=1&cursor=" + page.get("nextCursor").asString()).json();
        assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(chatId);
        assertThat(next.get("nextCursor").isNull()).isTrue();

        JsonNode found = api.get("/api/v1/chats?q=REVERSE").json().get("items");
        assertThat(found).hasSize(1);
        assertThat(api.get("/api/v1/chats?q=100%25").json().get("items")).isEmpty();

        JsonNode older = api.get("/api/v1/chats/" + chatId + "/messages?before=5&limit=2").json();
        assertThat(older.get("items").get(0).get("seq").asInt()).isEqualTo(4);
        assertThat(older.get("nextBefore").asInt()).isEqualTo(3);

        assertThat(api.get("/api/v1/chats/" + chatId + "/export?format=markdown").body())
                .startsWith("# How do I reverse a list in Python?");
        assertThat(api.delete("/api/v1/chats/" + chatId).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/chats").json().get("items")).hasSize(1);
    }
}
