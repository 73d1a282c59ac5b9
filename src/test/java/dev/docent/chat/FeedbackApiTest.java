package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DocentTest
class FeedbackApiTest {

    @LocalServerPort
    int port;

    Api api;

    String chat;

    String question;

    String answer;

    @BeforeEach
    void aChatWithAnAnswer() {
        api = new Api(port).newUser();
        chat = "/api/v1/chats/" + api.newChat("How do I rate an answer?");
        JsonNode messages = api.get(chat).json().get("messages");
        question = messages.get(0).get("id").asString();
        answer = messages.get(1).get("id").asString();
    }

    @Test
    void aRatingIsStoredChangedAndWithdrawnAndTheCachedChatFollowsEveryChange() {
        api.get(chat);
        Api.Response up = api.send("PUT", feedback(answer), "application/json", "{\"rating\":\"up\"}");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().get("feedback").get("rating").asString()).isEqualTo("up");
        assertRated("up", null);

        Api.Response down = api.send("PUT", feedback(answer), "application/json",
                "{\"rating\":\"down\",\"reason\":\"not-covered\",\"comment\":\"  the docs say nothing  \"}");
        assertThat(down.status()).isEqualTo(200);
        assertRated("down", "not-covered");
        assertThat(api.get(chat).json().get("messages").get(1).get("feedback").get("comment").asString())
            .isEqualTo("the docs say nothing");

        assertThat(api.delete(feedback(answer)).status()).isEqualTo(204);
        Api.Response after = api.get(chat);
        assertThat(after.header("X-Cache")).isEqualTo("HIT");
        assertThat(after.json().get("messages").get(1).hasNonNull("feedback")).isFalse();
        assertThat(api.delete(feedback(answer)).status()).isEqualTo(204);
    }

    @Test
    void aRatingChangesTheVersionButNotTheChatsPlaceInTheList() {
        String newer = api.newChat("a later chat");
        api.send("PUT", feedback(answer), "application/json", "{\"rating\":\"down\",\"reason\":\"wrong\"}");
        JsonNode items = api.get("/api/v1/chats").json().get("items");
        assertThat(items.get(0).get("id").asString()).isEqualTo(newer);
        JsonNode messages = api.get("/api/v1/chats/" + chatId() + "/messages").json().get("items");
        assertThat(messages.get(0).get("feedback").get("reason").asString()).isEqualTo("wrong");
    }

    @Test
    void badFeedbackIsAProblemNamingWhatIsWrong() {
        assertProblem(api.send("PUT", feedback(answer), "application/json", "{\"rating\":\"meh\"}"), 400, "rating");
        assertProblem(api.send("PUT", feedback(answer), "application/json", "{}"), 400, "rating");
        assertProblem(
                api.send("PUT", feedback(answer), "application/json", "{\"rating\":\"down\",\"reason\":\"boring\"}"),
                400, "reason");
        assertProblem(api.send("PUT", feedback(answer), "application/json", "{\"rating\":\"up\",\"reason\":\"wrong\"}"),
                400, "reason");
        assertProblem(api.send("PUT", feedback(answer), "application/json",
                "{\"rating\":\"down\",\"comment\":\"" + "x".repeat(2001) + "\"}"), 400, "comment");
        assertProblem(api.send("PUT", feedback(question), "application/json", "{\"rating\":\"up\"}"), 400, "messageId");
        assertProblem(api.send("PUT", feedback("0193a1b2-0000-7000-8000-000000000000"), "application/json",
                "{\"rating\":\"up\"}"), 404, "Message");
        Api other = new Api(port).newUser();
        assertProblem(other.send("PUT", feedback(answer), "application/json", "{\"rating\":\"up\"}"), 404, "Chat");
        assertProblem(other.delete(feedback(answer)), 404, "Chat");
        assertThat(api.get(chat).json().get("messages").get(1).hasNonNull("feedback")).isFalse();
    }

    private void assertRated(String rating, String reason) {
        Api.Response read = api.get(chat);
        assertThat(read.header("X-Cache")).isEqualTo("HIT");
        JsonNode feedback = read.json().get("messages").get(1).get("feedback");
        assertThat(feedback.get("rating").asString()).isEqualTo(rating);
        assertThat(!feedback.hasNonNull("reason") ? null : feedback.get("reason").asString()).isEqualTo(reason);
    }

    private static void assertProblem(Api.Response response, int status, String naming) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(naming);
    }

    private String chatId() {
        return chat.substring(chat.lastIndexOf('/') + 1);
    }

    private String feedback(String message) {
        return chat + "/messages/" + message + "/feedback";
    }

}
