package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Instances;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances share PostgreSQL and Redis: what one writes, the other never serves
 * stale.
 */
class TwoInstancesTest {

    @AutoClose
    static Instances.Two instances;

    @BeforeAll
    static void start() {
        instances = Instances.startTwo(Map.of("docent.auth.login-attempts-per-minute", 3, "docent.admin.username",
                "curator", "docent.admin.password", "two-instances-curator-42"));
    }

    @Test
    void writesOnOneInstanceAreSeenAtOnceOnTheOther() {
        Api onFirst = new Api(instances.firstPort()).newUser();
        Api onSecond = new Api(instances.secondPort()).as(onFirst.token());
        String chatId = onFirst.newChat("asked on the first instance");
        assertThat(onSecond.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(2);
        assertThat(onSecond.get("/api/v1/chats").json().get("items")).hasSize(1);

        onSecond.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"asked on the second\"}");
        assertThat(onFirst.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(4);
        assertThat(onFirst.get("/api/v1/chats").json().get("items").get(0).get("messageCount").asInt()).isEqualTo(4);

        onFirst.delete("/api/v1/chats/" + chatId);
        assertThat(onSecond.get("/api/v1/chats/" + chatId).status()).isEqualTo(404);
        assertThat(onSecond.get("/api/v1/chats").json().get("items")).isEmpty();
    }

    @Test
    void aVersionWrittenOrChosenOnOneInstanceIsWhatTheOtherServes() {
        Api onFirst = new Api(instances.firstPort()).newUser();
        Api onSecond = new Api(instances.secondPort()).as(onFirst.token());
        String chatId = onFirst.newChat("which version?");
        String chat = "/api/v1/chats/" + chatId;
        String question = onSecond.get(chat).json().get("messages").get(0).get("id").asString();

        String edited = onFirst.post(chat + "/messages/" + question + "/versions", "{\"message\":\"edited\"}")
            .json()
            .get("messages")
            .get(0)
            .get("id")
            .asString();
        Api.Response seen = onSecond.get(chat);
        assertThat(seen.header("X-Cache")).isEqualTo("HIT");
        assertThat(seen.json().get("messages").get(0).get("id").asString()).isEqualTo(edited);

        onSecond.post(chat + "/messages/" + question + "/select", "");
        Api.Response back = onFirst.get(chat);
        assertThat(back.header("X-Cache")).isEqualTo("HIT");
        assertThat(back.json().get("messages").get(0).get("id").asString()).isEqualTo(question);
        assertThat(back.json().get("messages").get(0).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aShareRevokedOnOneInstanceIsGoneOnTheOtherAtOnce() {
        Api onFirst = new Api(instances.firstPort()).newUser();
        String chatId = onFirst.newChat("shared across instances");
        String token = onFirst.post("/api/v1/chats/" + chatId + "/shares", "").json().get("token").asString();
        Api anonymousOnSecond = new Api(instances.secondPort());
        assertThat(anonymousOnSecond.get("/api/v1/shares/" + token).status()).isEqualTo(200);
        assertThat(onFirst.delete("/api/v1/shares/" + token).status()).isEqualTo(204);
        assertThat(anonymousOnSecond.get("/api/v1/shares/" + token).status()).isEqualTo(404);
        assertThat(anonymousOnSecond.get("/s/" + token).status()).isEqualTo(404);
    }

    @Test
    void aChatReScopedOnOneInstanceIsServedWithItsNewScopeByTheOther() {
        String set = new Api(instances.firstPort()).login("curator", "two-instances-curator-42")
            .ingest("instances", "Instances", Map.of("start.md",
                    "# Starting\n\n## The server\n\nRun the start " + "command to start the server on port 8080.\n"));
        Api onFirst = new Api(instances.firstPort()).newUser();
        Api onSecond = new Api(instances.secondPort()).as(onFirst.token());
        Api.Response created = onFirst.post("/api/v1/chats",
                "{\"message\":\"How do I start the server?\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + set
                        + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String chat = "/api/v1/chats/" + created.json().get("chat").get("id").asString();
        assertThat(onSecond.get(chat).json().get("documentId").asString()).isEqualTo(set);

        assertThat(onFirst.patch(chat, "{\"allDocuments\":true}").status()).isEqualTo(200);

        Api.Response seen = onSecond.get(chat);
        assertThat(seen.header("X-Cache")).isEqualTo("HIT");
        assertThat(seen.json().get("documentId")).isNull();
        assertThat(seen.json().get("messages")).hasSize(2);
        assertThat(onSecond.get("/api/v1/chats").json().get("items").get(0).get("documentId")).isNull();
    }

    @Test
    void theLoginLimitIsSharedThroughRedis() {
        String username = "limited" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String wrong = "{\"username\":\"" + username + "\",\"password\":\"not the password\"}";
        Api toFirst = new Api(instances.firstPort());
        Api toSecond = new Api(instances.secondPort());
        toFirst.post("/api/v1/auth/signup",
                "{\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}");
        assertThat(toFirst.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
        assertThat(toSecond.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
        assertThat(toFirst.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
        Api.Response limited = toSecond.post("/api/v1/auth/login", wrong);
        assertThat(limited.status()).as("the fourth attempt, counted across both instances").isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

}
