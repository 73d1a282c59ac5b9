package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DocentTest
class ChatApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void signIn() {
        api = new Api(port).newUser();
    }

    @Test
    void generalChatWithoutModelSaysSoAndIsReadBackThroughTheCache() {
        Api.Response created = api.post("/api/v1/chats", "{\"message\":\"What is a list comprehension?\",\"category\":\"GENERAL\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String chatId = body.get("chat").get("id").asString();
        assertThat(body.get("chat").get("title").asString()).isEqualTo("What is a list comprehension?");
        assertThat(body.get("messages")).hasSize(2);
        assertThat(body.get("messages").get(0).get("seq").asInt()).isEqualTo(1);
        assertThat(body.get("messages").get(1).get("role").asString()).isEqualTo("assistant");
        assertThat(body.get("messages").get(1).get("content").asString()).contains("OFFICIAL_DOCS");

        Api.Response first = api.get("/api/v1/chats/" + chatId);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isEqualTo("HIT");
        assertThat(first.json().get("messages")).hasSize(2);

        Api.Response list = api.get("/api/v1/chats");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0).get("messageCount").asInt()).isEqualTo(2);
    }

    @Test
    void anotherUsersChatIsNotFound() {
        String chatId = api.newChat("mine");
        Api other = new Api(port).newUser();
        assertThat(other.get("/api/v1/chats/" + chatId).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/chats/" + chatId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(200);
    }
}
