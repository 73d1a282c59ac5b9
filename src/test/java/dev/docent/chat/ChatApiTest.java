package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.ArrayList;
import java.util.List;
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
        Api.Response created = api.post("/api/v1/chats",
                "{\"message\":\"What is a list comprehension?\",\"category\":\"GENERAL\"}");
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
    void anotherUsersChatIsNotFoundOnEveryEndpoint() {
        String chatId = api.newChat("mine");
        Api other = new Api(port).newUser();
        String chat = "/api/v1/chats/" + chatId;
        assertThat(other.get(chat).status()).isEqualTo(404);
        assertThat(other.patch(chat, "{\"title\":\"theirs\"}").status()).isEqualTo(404);
        assertThat(other.post(chat + "/messages", "{\"message\":\"hello?\"}").status()).isEqualTo(404);
        assertThat(other
            .send("POST", chat + "/messages", "application/json", "{\"message\":\"hello?\"}", "Accept",
                    "text/event-stream")
            .status()).isEqualTo(404);
        assertThat(other.get(chat + "/messages").status()).isEqualTo(404);
        assertThat(other.get(chat + "/export?format=json").status()).isEqualTo(404);
        assertThat(other.post(chat + "/stop", "").status()).isEqualTo(404);
        assertThat(other.delete(chat).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/chats?q=mine").json().get("items")).isEmpty();

        JsonNode mine = api.get(chat).json();
        assertThat(mine.get("title").asString()).isEqualTo("mine");
        assertThat(mine.get("messages")).hasSize(2);
    }

    @Test
    void searchFindsTitlesAndMessageTextCaseInsensitively() {
        String byTitle = api.newChat("Decorators in depth");
        String byText = api.newChat("first question");
        api.post("/api/v1/chats/" + byText + "/messages", "{\"message\":\"and what about DECORATORS?\"}");
        api.newChat("unrelated");

        JsonNode found = api.get("/api/v1/chats?q=decorators").json().get("items");
        assertThat(found).extracting(item -> item.get("id").asString()).containsExactly(byText, byTitle);
        JsonNode first = api.get("/api/v1/chats?q=decorators&limit=1").json();
        JsonNode second = api.get("/api/v1/chats?q=decorators&limit=1&cursor=" + first.get("nextCursor").asString())
            .json();
        assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(byTitle);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/v1/chats?q=50%25_off").json().get("items")).isEmpty();
    }

    @Test
    void longChatsEmbedTheNewestMessagesAndPageBackThroughTheRest() {
        String chatId = api.newChat("a long conversation");
        for (int i = 0; i < 55; i++) {
            assertThat(api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"turn " + i + "\"}").status())
                .isEqualTo(200);
        }
        JsonNode chat = api.get("/api/v1/chats/" + chatId).json();
        assertThat(chat.get("hasMore").asBoolean()).isTrue();
        assertThat(chat.get("messages")).hasSize(100);
        assertThat(chat.get("messages").get(0).get("seq").asInt()).isEqualTo(13);
        assertThat(chat.get("messages").get(99).get("seq").asInt()).isEqualTo(112);

        List<Integer> older = new ArrayList<>();
        Integer before = 13;
        while (before != null) {
            JsonNode page = api.get("/api/v1/chats/" + chatId + "/messages?limit=5&before=" + before).json();
            page.get("items").forEach(m -> older.add(m.get("seq").asInt()));
            before = page.get("nextBefore") == null || page.get("nextBefore").isNull() ? null
                    : page.get("nextBefore").asInt();
        }
        assertThat(older).containsExactly(12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void exportsTheWholeConversationAsMarkdownOrJson() {
        String chatId = api.newChat("How do I sort a dict by value?");
        api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"And in reverse?\"}");

        Api.Response markdown = api.get("/api/v1/chats/" + chatId + "/export?format=markdown");
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.header("Content-Disposition")).contains("how-do-i-sort-a-dict-by-value.md");
        assertThat(markdown.body()).startsWith("# How do I sort a dict by value?")
            .contains("## You\n\nAnd in reverse?");

        Api.Response json = api.get("/api/v1/chats/" + chatId + "/export?format=json");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().get("messages")).hasSize(4);
        assertThat(json.json().get("messages").get(2).get("content").asString()).isEqualTo("And in reverse?");
    }

}
