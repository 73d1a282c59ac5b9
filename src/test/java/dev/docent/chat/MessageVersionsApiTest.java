package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Regenerate, edit and resend, and switching between versions, through the API with the
 * real database and cache: the visible path, its paging, the list and the export follow
 * the chosen versions, and every change is read back from the cache at once.
 */
@DocentTest
class MessageVersionsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void signIn() {
        api = new Api(port).newUser();
    }

    @Test
    void anEditedQuestionIsANewVersionAndTheEarlierConversationCanBeShownAgain() {
        String chatId = api.newChat("first question");
        String chat = "/api/v1/chats/" + chatId;
        api.post(chat + "/messages", "{\"message\":\"second question\"}");
        JsonNode before = api.get(chat).json().get("messages");
        String original = before.get(0).get("id").asString();

        Api.Response edited = api.post(chat + "/messages/" + original + "/versions",
                "{\"message\":\"first question, edited\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode question = edited.json().get("messages").get(0);
        assertThat(question.get("seq").asInt()).isEqualTo(1);
        assertThat(question.get("version").asInt()).isEqualTo(2);
        assertThat(ids(question.get("versions"))).containsExactly(original, question.get("id").asString());
        assertThat(edited.json().get("messages").get(1).get("seq").asInt()).isEqualTo(2);

        Api.Response read = api.get(chat);
        assertThat(read.header("X-Cache")).isEqualTo("HIT");
        assertThat(contents(read.json().get("messages"))).hasSize(2).first().isEqualTo("first question, edited");
        assertThat(api.get(chat + "/messages").json().get("items")).hasSize(2);
        assertThat(listed(chatId).get("messageCount").asInt()).isEqualTo(2);
        String markdown = api.get(chat + "/export?format=markdown").body();
        assertThat(markdown).contains("first question, edited").doesNotContain("second question");

        Api.Response back = api.post(chat + "/messages/" + original + "/select", "");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(contents(back.json().get("messages"))).hasSize(4)
            .containsSubsequence("first question", "second question");
        assertThat(back.json().get("messages").get(0).get("version").asInt()).isEqualTo(1);
        Api.Response cached = api.get(chat);
        assertThat(cached.header("X-Cache")).isEqualTo("HIT");
        assertThat(cached.json()).isEqualTo(back.json());
        assertThat(listed(chatId).get("messageCount").asInt()).isEqualTo(4);
        assertThat(api.get(chat + "/export?format=markdown").body()).contains("second question")
            .doesNotContain("edited");
        assertThat(api.get("/api/v1/chats?q=edited").json().get("items")).as("hidden versions are not searched")
            .isEmpty();

        Api.Response forward = api.post(chat + "/messages/" + question.get("id").asString() + "/select", "");
        assertThat(contents(forward.json().get("messages"))).hasSize(2).first().isEqualTo("first question, edited");
    }

    @Test
    void aRegeneratedAnswerKeepsTheEarlierOneAndEachBranchRemembersWhatFollowedIt() {
        String chatId = api.newChat("question");
        String chat = "/api/v1/chats/" + chatId;
        JsonNode first = api.get(chat).json().get("messages");
        String question = first.get(0).get("id").asString();
        String answer = first.get(1).get("id").asString();

        Api.Response regenerated = api.post(chat + "/messages/" + answer + "/regenerate", "");
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        JsonNode again = regenerated.json().get("messages");
        assertThat(again.get(0).get("id").asString()).isEqualTo(question);
        String second = again.get(1).get("id").asString();
        assertThat(again.get(1).get("seq").asInt()).isEqualTo(2);
        assertThat(again.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(ids(again.get(1).get("versions"))).containsExactly(answer, second);

        JsonNode newest = api.get(chat + "/messages?limit=1").json();
        assertThat(newest.get("items").get(0).get("id").asString()).isEqualTo(second);
        assertThat(newest.get("nextBefore").asInt()).isEqualTo(2);
        JsonNode older = api.get(chat + "/messages?limit=1&before=2").json();
        assertThat(older.get("items").get(0).get("id").asString()).isEqualTo(question);
        assertThat(older.path("nextBefore").isMissingNode() || older.get("nextBefore").isNull()).isTrue();

        api.post(chat + "/messages/" + answer + "/select", "");
        api.post(chat + "/messages", "{\"message\":\"follow-up on the first answer\"}");
        assertThat(contents(api.get(chat).json().get("messages"))).hasSize(4).last().isNotNull();

        JsonNode onSecond = api.post(chat + "/messages/" + second + "/select", "").json().get("messages");
        assertThat(ids(onSecond)).containsExactly(question, second);
        JsonNode onFirst = api.post(chat + "/messages/" + answer + "/select", "").json().get("messages");
        assertThat(onFirst).hasSize(4);
        assertThat(onFirst.get(2).get("content").asString()).isEqualTo("follow-up on the first answer");
        assertThat(listed(chatId).get("preview").asString())
            .isEqualTo(Chats.preview(onFirst.get(3).get("content").asString()));
    }

    @Test
    void onlyTheLastAnswerIsRegeneratedAndOnlyQuestionsAreEdited() {
        String chatId = api.newChat("question");
        String chat = "/api/v1/chats/" + chatId;
        api.post(chat + "/messages", "{\"message\":\"another\"}");
        JsonNode messages = api.get(chat).json().get("messages");
        String firstAnswer = messages.get(1).get("id").asString();

        Api.Response notLast = api.post(chat + "/messages/" + firstAnswer + "/regenerate", "");
        assertThat(notLast.status()).isEqualTo(409);
        assertThat(notLast.json().get("type").asString()).endsWith("not-the-last-answer");
        assertThat(api.post(chat + "/messages/" + UUID.randomUUID() + "/regenerate", "").status()).isEqualTo(404);
        String lastAnswer = messages.get(3).get("id").asString();
        api.post(chat + "/messages/" + lastAnswer + "/regenerate", "");
        Api.Response earlierVersion = api.post(chat + "/messages/" + lastAnswer + "/regenerate", "");
        assertThat(earlierVersion.status()).as("a version no longer shown exists: not the last answer, not missing")
            .isEqualTo(409);
        assertThat(earlierVersion.json().get("type").asString()).endsWith("not-the-last-answer");
        Api.Response editAnswer = api.post(chat + "/messages/" + firstAnswer + "/versions", "{\"message\":\"x\"}");
        assertThat(editAnswer.status()).isEqualTo(400);
        assertThat(editAnswer.contentType()).startsWith("application/problem+json");
        assertThat(api
            .post(chat + "/messages/" + messages.get(0).get("id").asString() + "/versions", "{\"message\":\"  \"}")
            .status()).isEqualTo(400);
        assertThat(api.post(chat + "/messages/" + UUID.randomUUID() + "/select", "").status()).isEqualTo(404);
        assertThat(api.get(chat).json().get("messages")).hasSize(4);
    }

    @Test
    void whileAnAnswerIsBeingGeneratedNoVersionCanBeWrittenOrChosen() {
        String chatId = api.newChat("question");
        String chat = "/api/v1/chats/" + chatId;
        JsonNode messages = api.get(chat).json().get("messages");
        String question = messages.get(0).get("id").asString();
        String answer = messages.get(1).get("id").asString();
        api.post(chat + "/messages/" + answer + "/regenerate", "");

        jdbc.sql("update chats set generation_id = ?, generation_started_at = current_timestamp where id = ?")
            .params(UUID.randomUUID(), UUID.fromString(chatId))
            .update();
        assertThat(api
            .post(chat + "/messages/" + api.get(chat).json().get("messages").get(1).get("id").asString()
                    + "/regenerate", "")
            .status()).isEqualTo(409);
        assertThat(api.post(chat + "/messages/" + question + "/versions", "{\"message\":\"edited\"}").status())
            .isEqualTo(409);
        Api.Response select = api.post(chat + "/messages/" + answer + "/select", "");
        assertThat(select.status()).isEqualTo(409);
        assertThat(select.json().get("type").asString()).endsWith("generation-running");
        assertThat(api.get(chat).json().get("messages").get(1).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anotherUsersChatIsNotFoundForVersions() {
        String chatId = api.newChat("mine");
        String chat = "/api/v1/chats/" + chatId;
        JsonNode messages = api.get(chat).json().get("messages");
        Api other = new Api(port).newUser();
        String question = messages.get(0).get("id").asString();
        String answer = messages.get(1).get("id").asString();
        assertThat(other.post(chat + "/messages/" + answer + "/regenerate", "").status()).isEqualTo(404);
        assertThat(other.post(chat + "/messages/" + question + "/versions", "{\"message\":\"theirs\"}").status())
            .isEqualTo(404);
        assertThat(other.post(chat + "/messages/" + answer + "/select", "").status()).isEqualTo(404);
        assertThat(api.get(chat).json().get("messages").get(0).get("versions")).hasSize(1);
    }

    private JsonNode listed(String chatId) {
        for (JsonNode item : api.get("/api/v1/chats").json().get("items")) {
            if (item.get("id").asString().equals(chatId)) {
                return item;
            }
        }
        throw new AssertionError("chat " + chatId + " is not listed");
    }

    private static List<String> ids(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.isString() ? node.asString() : node.get("id").asString()));
        return ids;
    }

    private static List<String> contents(JsonNode messages) {
        List<String> contents = new ArrayList<>();
        messages.forEach(message -> contents.add(message.get("content").asString()));
        return contents;
    }

}
