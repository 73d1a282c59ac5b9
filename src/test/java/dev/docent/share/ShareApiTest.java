package dev.docent.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Share links through the API with the real database: a snapshot readable without an
 * account that names nothing of its owner, listed and revoked by the owner only, gone at
 * once when revoked or when the chat is deleted.
 */
@DocentTest
class ShareApiTest {

    @LocalServerPort
    int port;

    Api owner;

    Api anonymous;

    @BeforeEach
    void signIn() {
        owner = new Api(port).newUser();
        anonymous = new Api(port);
    }

    @Test
    void aSharedChatIsASnapshotReadableWithoutAnAccountAndKeptOutOfSearchEngines() {
        String chatId = owner.newChat("How do I share a chat?");
        Api.Response created = owner.post("/api/v1/chats/" + chatId + "/shares", "");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).matches(ShareTokens.FORMAT);
        assertThat(created.json().get("url").asString()).isEqualTo("/s/" + token);
        owner.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"said after sharing\"}");

        Api.Response read = anonymous.get("/api/v1/shares/" + token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Robots-Tag")).contains("noindex");
        assertThat(read.header("Cache-Control")).contains("no-store");
        JsonNode shared = read.json();
        assertThat(shared.get("title").asString()).isEqualTo("How do I share a chat?");
        assertThat(shared.get("messages")).hasSize(2);
        assertThat(shared.get("messages").get(0).get("content").asString()).isEqualTo("How do I share a chat?");
        assertThat(read.body()).as("names neither the owner nor the chat")
            .doesNotContain(chatId)
            .doesNotContain(owner.get("/api/v1/auth/me").json().path("username").asString("no such name"))
            .doesNotContain("said after sharing");

        Api.Response page = anonymous.get("/s/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex");
    }

    @Test
    void aRevokedLinkAnswers404AtOnceAndOnlyTheOwnerListsOrRevokes() {
        String chatId = owner.newChat("to be revoked");
        String token = owner.post("/api/v1/chats/" + chatId + "/shares", "").json().get("token").asString();
        Api other = new Api(port).newUser();

        assertThat(other.get("/api/v1/shares").json().get("items")).isEmpty();
        assertThat(other.delete("/api/v1/shares/" + token).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/shares").status()).isEqualTo(401);
        assertThat(anonymous.delete("/api/v1/shares/" + token).status()).isEqualTo(401);
        assertThat(other.post("/api/v1/chats/" + chatId + "/shares", "").status()).as("another's chat").isEqualTo(404);
        JsonNode listed = owner.get("/api/v1/shares").json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("chatId").asString()).isEqualTo(chatId);
        assertThat(anonymous.get("/api/v1/shares/" + token).status()).isEqualTo(200);

        assertThat(owner.delete("/api/v1/shares/" + token).status()).isEqualTo(204);
        Api.Response gone = anonymous.get("/api/v1/shares/" + token);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/s/" + token).status()).isEqualTo(404);
        assertThat(owner.get("/api/v1/shares").json().get("items")).isEmpty();
        assertThat(owner.delete("/api/v1/shares/" + token).status()).isEqualTo(404);
    }

    @Test
    void deletingTheChatEndsItsLinks() {
        String chatId = owner.newChat("short-lived");
        String token = owner.post("/api/v1/chats/" + chatId + "/shares", "").json().get("token").asString();
        assertThat(owner.delete("/api/v1/chats/" + chatId).status()).isEqualTo(204);
        assertThat(anonymous.get("/api/v1/shares/" + token).status()).isEqualTo(404);
    }

    @Test
    void tokensAreUnguessableAndMalformedOnesAreSimplyNotFound() {
        String chatId = owner.newChat("many links");
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(owner.post("/api/v1/chats/" + chatId + "/shares", "").json().get("token").asString());
        }
        assertThat(tokens).hasSize(20).allSatisfy(token -> assertThat(token).matches(ShareTokens.FORMAT));
        assertThat(anonymous.get("/api/v1/shares/short").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/shares/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(anonymous.get("/s/not-a-token").status()).isEqualTo(404);
    }

}
