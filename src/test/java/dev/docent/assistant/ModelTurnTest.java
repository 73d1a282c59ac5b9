package dev.docent.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.docent.support.OpenAiStub.COMPLETIONS;
import static dev.docent.support.OpenAiStub.completion;
import static dev.docent.support.OpenAiStub.okJson;
import static dev.docent.support.OpenAiStub.streamed;
import static dev.docent.support.OpenAiStub.streaming;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.docent.support.Api;
import dev.docent.support.OpenAiStub;
import dev.docent.support.Eventually;
import dev.docent.support.SseStream;
import dev.docent.assistant.prompt.PromptAssembler;
import dev.docent.chat.Category;
import dev.docent.chat.ChatHistory;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Whole turns end to end: the application on a random port with real PostgreSQL and
 * Redis, and the language model a WireMock server speaking the OpenAI chat-completions
 * protocol (answers streamed as server-sent events, titles as plain completions). Answers
 * take at most 3 s here, so slow answers are slow streams of small tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ModelTurnTest.StubModel.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnableScenarios
class ModelTurnTest {

    static final OpenAiStub model = new OpenAiStub();
    static final Duration GENERATION_TIMEOUT = Duration.ofSeconds(3);

    /** Shorter than the timeout: a running answer must renew it to keep the chat. */
    static final Duration LEASE = Duration.ofSeconds(1);

    /** The services, and the stub as the model. */
    static class StubModel implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            model.configure(context, GENERATION_TIMEOUT,
                    "docent.assistant.generation-lease=" + LEASE.toMillis() + "ms");
        }

    }

    @LocalServerPort
    int port;

    Api api;

    /**
     * A cold start (LangChain4j, the HTTP clients) must not eat into the first test's 3
     * s.
     */
    @BeforeAll
    void warmUp() {
        Api warm = new Api(port).newUser();
        titles("Warm");
        answers(streamed(List.of("warm")));
        Eventually.await(Duration.ofMinutes(1),
                () -> warm.post("/api/v1/chats", "{\"message\":\"warm up\",\"category\":\"GENERAL\"}").status(),
                status -> status == 201);
        try (SseStream stream = warm.stream("/api/v1/chats", "{\"message\":\"warm up\",\"category\":\"GENERAL\"}")) {
            stream.rest();
        }
    }

    @AfterAll
    static void stopModel() {
        model.stop();
    }

    @BeforeEach
    void freshUserAndStubs() {
        model.resetAll();
        titles("Stubbed title");
        api = new Api(port).newUser();
    }

    @Test
    void aJsonTurnAnswersWithTheModelAndSendsItTheConversationInOrder() {
        answers(streamed(List.of("A list ", "is a mutable ", "sequence.")));
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(not(streaming()))
            .withRequestBody(containing("What is a list?"))
            .willReturn(okJson(completion("Python lists"))));

        Api.Response created = api.post("/api/v1/chats", "{\"message\":\"What is a list?\",\"category\":\"GENERAL\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode messages = created.json().get("messages");
        assertThat(texts(messages)).containsExactly("user: What is a list?",
                "assistant: A list is a mutable sequence.");
        assertThat(messages.get(1).get("interrupted").asBoolean()).isFalse();
        String chatId = created.json().get("chat").get("id").asString();
        assertThat(sentMessages(answerRequests().getFirst()))
            .containsExactly("system: " + PromptAssembler.GENERAL_INSTRUCTIONS, "user: What is a list?");
        model.verify(
                postRequestedFor(urlPathEqualTo(COMPLETIONS)).withHeader("Authorization", equalTo("Bearer test-key"))
                    .withRequestBody(matchingJsonPath("$.model", equalTo("test-model"))));

        JsonNode titled = Eventually.await(Duration.ofSeconds(5), () -> chat(chatId),
                chat -> chat.get("title").asString().equals("Python lists"));
        assertThat(titled.get("messages")).hasSize(2);
        LoggedRequest titleRequest = model
            .findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)).withRequestBody(not(streaming()))
                .withRequestBody(containing("What is a list?")))
            .getFirst();
        assertThat(sentMessages(titleRequest).getFirst()).startsWith("system: Write a title");
        assertThat(sentMessages(titleRequest).getLast()).isEqualTo("user: What is a list?");

        answers(streamed(List.of("An immutable ", "one.")));
        Api.Response replied = api.post(messagesOf(chatId), "{\"message\":\"And a tuple?\"}");

        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        assertThat(texts(replied.json().get("messages"))).containsExactly("user: And a tuple?",
                "assistant: An immutable one.");
        assertThat(sentMessages(answerRequests().getLast())).containsExactly(
                "system: " + PromptAssembler.GENERAL_INSTRUCTIONS, "user: What is a list?",
                "assistant: A list is a mutable sequence.", "user: And a tuple?");
        assertThat(answerRequests()).hasSize(2);
        assertGapless(chatId, 4);
        assertThat(chat(chatId).get("title").asString()).as("only the first turn names the chat")
            .isEqualTo("Python lists");
    }

    @Test
    void aStreamedTurnSendsMetaSourcesTokensAndDone() {
        List<String> tokens = List.of("Lists ", "are ", "mutable ", "sequences.");
        answers(streamed(tokens));

        JsonNode meta;
        List<SseStream.Event> events;
        try (SseStream stream = api.stream("/api/v1/chats", "{\"message\":\"Lists?\",\"category\":\"GENERAL\"}")) {
            assertThat(stream.isStream()).as("status %d", stream.status()).isTrue();
            meta = stream.next("meta").json();
            assertThat(stream.next("sources").json().isArray()).isTrue();
            events = stream.rest();
        }

        assertThat(events).extracting(SseStream.Event::name)
            .containsExactly("token", "token", "token", "token", "done");
        assertThat(events.subList(0, 4)).extracting(e -> e.json().get("text").asString())
            .containsExactlyElementsOf(tokens);
        JsonNode done = events.getLast().json();
        String chatId = meta.get("chatId").asString();
        assertThat(done.get("message").get("content").asString()).isEqualTo(String.join("", tokens));
        assertThat(done.get("message").get("role").asString()).isEqualTo("assistant");
        assertThat(done.get("message").get("interrupted").asBoolean()).isFalse();
        assertThat(done.get("chat").get("id").asString()).isEqualTo(chatId);
        assertThat(done.get("chat").get("messageCount").asInt()).isEqualTo(2);

        JsonNode stored = chat(chatId).get("messages");
        assertThat(stored.get(0).get("id").asString()).isEqualTo(meta.get("userMessageId").asString());
        assertThat(stored.get(0).get("content").asString()).isEqualTo("Lists?");
        assertThat(stored.get(1)).isEqualTo(done.get("message"));
    }

    @Test
    void anEmptySourcesEventComesBeforeTheFirstToken() {
        answers(streamed(List.of("Hi.")));
        try (SseStream stream = api.stream("/api/v1/chats", "{\"message\":\"Hello\",\"category\":\"GENERAL\"}")) {
            stream.next("meta");
            assertThat(stream.next("sources").json()).isEmpty();
            assertThat(stream.next("token").json().get("text").asString()).isEqualTo("Hi.");
            stream.next("done");
        }
    }

    @Test
    void aModelSilentPastTheDeadlineIsA504AndKeepsTheQuestion() {
        String chatId = newChat();
        answers(streamed(List.of("too late")).withFixedDelay(8_000));

        long started = System.nanoTime();
        Api.Response late = api.post(messagesOf(chatId), "{\"message\":\"Still there?\"}");
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertProblem(late, 504, "generation-timeout");
        assertThat(tookMillis).as("the generation deadline, not the model's 10 s timeout")
            .isBetween(GENERATION_TIMEOUT.toMillis() - 100, 8_000L);
        JsonNode messages = chat(chatId).get("messages");
        assertThat(texts(messages)).hasSize(3).endsWith("user: Still there?");
        assertTheChatAnswersAgain(chatId);
    }

    @Test
    void anAnswerCutOffByTheDeadlineIsA504AndKeepsThePartialAnswerInterrupted() {
        String chatId = newChat();
        List<String> tokens = answers(slowly(40, Duration.ofSeconds(8)));

        Api.Response late = api.post(messagesOf(chatId), "{\"message\":\"Tell me everything\"}");

        assertProblem(late, 504, "generation-timeout");
        JsonNode messages = chat(chatId).get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).get("content").asString()).isEqualTo("Tell me everything");
        assertPartial(messages.get(3), tokens);
        assertTheChatAnswersAgain(chatId);
    }

    @Test
    void anUpstreamErrorIsA502KeepsTheQuestionAndTheChatGoesOn() {
        String chatId = newChat();
        answers(aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));

        Api.Response failed = api.post(messagesOf(chatId), "{\"message\":\"Are you there?\"}");

        assertProblem(failed, 502, "model-failed");
        assertThat(texts(chat(chatId).get("messages"))).hasSize(3).endsWith("user: Are you there?");

        try (SseStream stream = api.stream(messagesOf(chatId), "{\"message\":\"And now?\"}")) {
            JsonNode meta = stream.next("meta").json();
            assertThat(meta.get("chatId").asString()).isEqualTo(chatId);
            stream.next("sources");
            List<SseStream.Event> rest = stream.rest();
            assertThat(rest).extracting(SseStream.Event::name).containsExactly("error");
            JsonNode problem = rest.getFirst().json();
            assertThat(problem.get("status").asInt()).isEqualTo(502);
            assertThat(problem.get("type").asString()).endsWith("/model-failed");
            assertThat(problem.get("detail").asString()).contains("HTTP 500");
        }
        assertThat(texts(chat(chatId).get("messages"))).hasSize(4).endsWith("user: And now?");
        assertTheChatAnswersAgain(chatId);
    }

    @Test
    void aStreamCutOffMidwayKeepsThePartialAnswerInterruptedAndEndsWithAnError() {
        String chatId = newChat();
        List<String> tokens = List.of("The first ", "half");
        answers(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/event-stream")
            .withBody(OpenAiStub.tokenChunk(tokens.get(0)) + OpenAiStub.tokenChunk(tokens.get(1))));

        List<SseStream.Event> events;
        try (SseStream stream = api.stream(messagesOf(chatId), "{\"message\":\"Tell me everything\"}")) {
            stream.next("meta");
            stream.next("sources");
            events = stream.rest();
        }

        assertThat(events).extracting(SseStream.Event::name).containsExactly("token", "token", "error");
        assertThat(events.getLast().json().get("status").asInt()).isEqualTo(502);
        JsonNode answer = chat(chatId).get("messages").get(3);
        assertThat(answer.get("content").asString()).isEqualTo("The first half");
        assertThat(answer.get("interrupted").asBoolean()).isTrue();
        assertTheChatAnswersAgain(chatId);
    }

    @Test
    void stoppingAStreamedAnswerEndsItWithThePartialTextMarkedInterrupted() {
        String chatId = newChat();
        List<String> tokens = answers(slowly(40, Duration.ofSeconds(8)));

        JsonNode done;
        StringBuilder heard = new StringBuilder();
        try (SseStream stream = api.stream(messagesOf(chatId), "{\"message\":\"Tell me everything\"}")) {
            stream.next("meta");
            stream.next("sources");
            heard.append(stream.next("token").json().get("text").asString());

            Api.Response stop = stop(chatId);

            assertThat(stop.status()).isEqualTo(202);
            assertThat(stop.json().get("stopping").asBoolean()).isTrue();
            List<SseStream.Event> rest = stream.rest();
            assertThat(rest).as("a stop ends the stream with done, not with the deadline's error")
                .isNotEmpty()
                .last()
                .extracting(SseStream.Event::name)
                .isEqualTo("done");
            rest.subList(0, rest.size() - 1).forEach(token -> {
                assertThat(token.name()).isEqualTo("token");
                heard.append(token.json().get("text").asString());
            });
            done = rest.getLast().json().get("message");
        }

        assertPartial(done, tokens);
        assertThat(done.get("content").asString()).isEqualTo(heard.toString());
        JsonNode stored = chat(chatId).get("messages").get(3);
        assertThat(stored).isEqualTo(done);
        Api.Response idle = stop(chatId);
        assertThat(idle.status()).isEqualTo(200);
        assertThat(idle.json().get("stopping").asBoolean()).isFalse();
        assertTheChatAnswersAgain(chatId);
    }

    @Test
    void stoppingWhenNothingRunsSaysSo() {
        String chatId = newChat();

        Api.Response stop = stop(chatId);

        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.json().get("stopping").asBoolean()).isFalse();
        assertThat(new Api(port).newUser().post("/api/v1/chats/" + chatId + "/stop", "").status())
            .as("another user's chat")
            .isEqualTo(404);
    }

    /**
     * The stream would be complete within 2 s, well before the deadline: only the
     * disconnect can interrupt it.
     */
    @Test
    void aClientThatDisconnectsLeavesThePartialAnswerInterruptedAndTheChatFree() {
        String chatId = newChat();
        List<String> tokens = answers(slowly(20, Duration.ofSeconds(2)));

        try (SseStream stream = api.stream(messagesOf(chatId), "{\"message\":\"Tell me everything\"}")) {
            stream.next("meta");
            stream.next("sources");
            assertThat(stream.next("token").json().get("text").asString()).isEqualTo(tokens.getFirst());
        }

        JsonNode messages = Eventually.await(Duration.ofSeconds(5), () -> chat(chatId).get("messages"),
                m -> m.size() == 4);
        assertPartial(messages.get(3), tokens);
        assertTheChatAnswersAgain(chatId);
    }

    /**
     * The model stays silent for 4 s: only the keep-alive writes can notice the client
     * has gone.
     */
    @Test
    void aClientThatLeavesBeforeTheFirstTokenFreesTheChatWithoutWaitingForTheModel() {
        String chatId = newChat();
        answers(streamed(List.of("Too ", "late.")).withFixedDelay(4_000));

        try (SseStream stream = api.stream(messagesOf(chatId), "{\"message\":\"Think hard\"}")) {
            stream.next("meta");
            stream.next("sources");
        }

        JsonNode messages = Eventually.await(Duration.ofMillis(3_000), () -> chat(chatId).get("messages"),
                m -> m.size() == 4);
        assertThat(messages.get(3).get("interrupted").asBoolean()).isTrue();
        assertThat(messages.get(3).get("content").asString()).isEmpty();
    }

    @Test
    void parallelPostsToOneChatGetOneAnswerAndTheRest409() throws Exception {
        String chatId = newChat();
        answers(slowly(10, Duration.ofSeconds(2)));
        int parallel = 8;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> posts = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < parallel; i++) {
                String body = "{\"message\":\"parallel " + i + "\"}";
                posts.add(pool.submit(() -> {
                    go.await();
                    return api.post(messagesOf(chatId), body);
                }));
            }
            go.countDown();
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var post : posts) {
            statuses.add(post.get().status());
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        JsonNode messages = chat(chatId).get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(3).get("interrupted").asBoolean()).isFalse();
        assertGapless(chatId, 4);
    }

    @Test
    void deletingAChatWhileItIsAnsweredEndsTheTurnWith410() {
        String chatId = newChat();
        answers(slowly(10, Duration.ofSeconds(2)));
        try (SseStream stream = api.stream(messagesOf(chatId), "{\"message\":\"Tell me everything\"}")) {
            stream.next("meta");
            stream.next("sources");
            stream.next("token");
            assertThat(api.delete("/api/v1/chats/" + chatId).status()).isEqualTo(204);
            SseStream.Event event = stream.next();
            while (event.name().equals("token")) {
                event = stream.next();
            }
            assertThat(event.name()).isEqualTo("error");
            assertThat(event.json().get("status").asInt()).isEqualTo(410);
        }
        assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(404);
    }

    @Test
    void aRunningAnswerRenewsItsLeaseSoTheChatStaysItsPastTheLease() throws InterruptedException {
        String chatId = newChat();
        answers(slowly(25, Duration.ofMillis(2500)));

        try (SseStream running = api.stream(messagesOf(chatId), "{\"message\":\"Tell me everything\"}")) {
            running.next("meta");
            running.next("sources");
            running.next("token");
            Thread.sleep(LEASE.multipliedBy(2).toMillis());

            assertProblem(api.post(messagesOf(chatId), "{\"message\":\"meanwhile\"}"), 409, "generation-running");
            assertThat(running.rest().getLast().name()).isEqualTo("done");
        }
        assertThat(texts(chat(chatId).get("messages"))).hasSize(4).noneMatch(text -> text.contains("meanwhile"));
    }

    /**
     * An instance that dies mid-answer (killed, out of memory) leaves the question stored
     * and the lease taken, as {@code appendUserMessage} left them: the lease is no longer
     * renewed, so once it lapses the next question is taken, and the orphaned question is
     * marked interrupted like a stopped one.
     */
    @Test
    void anAnswerWhoseInstanceDiedFreesTheChatOnceItsLeaseLapsesAndIsMarkedInterrupted(@Autowired ChatHistory history)
            throws InterruptedException {
        String chatId = askedAsTheInstanceDied(history);
        assertProblem(api.post(messagesOf(chatId), "{\"message\":\"too soon\"}"), 409, "generation-running");

        Thread.sleep(LEASE.toMillis() + 300);
        answers(streamed(List.of("Here again.")));
        Api.Response next = api.post(messagesOf(chatId), "{\"message\":\"Are you back?\"}");

        assertThat(next.status()).as(next.body()).isEqualTo(200);
        JsonNode messages = chat(chatId).get("messages");
        assertThat(texts(messages)).containsExactly("user: Hello", "assistant: Hello there.",
                "user: Asked as the instance died", "assistant: ", "user: Are you back?", "assistant: Here again.");
        assertThat(messages.get(3).get("interrupted").asBoolean()).isTrue();
        assertGapless(chatId, 6);
    }

    @Test
    void stoppingAnAnswerWhoseInstanceDiedMarksItInterruptedAtOnce(@Autowired ChatHistory history)
            throws InterruptedException {
        String chatId = askedAsTheInstanceDied(history);
        Thread.sleep(LEASE.toMillis() + 300);

        assertThat(stop(chatId).status()).isEqualTo(202);

        JsonNode messages = chat(chatId).get("messages");
        assertThat(texts(messages)).endsWith("user: Asked as the instance died", "assistant: ");
        assertThat(messages.get(3).get("interrupted").asBoolean()).isTrue();
        assertTheChatAnswersAgain(chatId);
    }

    /**
     * A chat as an instance that dies mid-answer leaves it: the question stored, the
     * lease taken, nobody renewing it.
     */
    private String askedAsTheInstanceDied(ChatHistory history) {
        String chatId = newChat();
        UserId user = new UserId(UUID.fromString(api.get("/api/v1/me").json().get("id").asString()));
        history.appendUserMessage(user, new ChatId(UUID.fromString(chatId)), "Asked as the instance died",
                UUID.randomUUID(), LEASE);
        return chatId;
    }

    @Test
    void aSecondPostWhileAnAnswerIsRunningIs409AndStoresNothing() {
        String chatId = newChat();
        answers(slowly(40, Duration.ofSeconds(8)));

        try (SseStream running = api.stream(messagesOf(chatId), "{\"message\":\"Tell me everything\"}")) {
            running.next("meta");
            running.next("sources");
            running.next("token");

            assertProblem(api.post(messagesOf(chatId), "{\"message\":\"meanwhile\"}"), 409, "generation-running");
            try (SseStream streamed = api.stream(messagesOf(chatId), "{\"message\":\"meanwhile, streamed\"}")) {
                assertThat(streamed.isStream()).isFalse();
                assertProblem(streamed.response(), 409, "generation-running");
            }

            assertThat(stop(chatId).status()).isEqualTo(202);
            assertThat(running.rest().getLast().name()).isEqualTo("done");
        }

        assertThat(texts(chat(chatId).get("messages"))).hasSize(4).noneMatch(text -> text.contains("meanwhile"));
        assertThat(answerRequests()).as("the refused posts never reached the model").hasSize(2);
        assertTheChatAnswersAgain(chatId);
    }

    /**
     * Naming is a module listener: an answered first question renames its chat once the
     * event's transaction commits.
     */
    @Test
    void aQuestionAnsweredEventNamesTheChatWithTheModel(Scenario scenario, @Autowired ChatHistory history) {
        UserId user = new UserId(UUID.fromString(api.get("/api/v1/me").json().get("id").asString()));
        ChatId chat = new ChatId(
                history.start(user, Category.GENERAL, null, "What is a tuple?", "What is a tuple?", UUID.randomUUID())
                    .chat()
                    .id());
        titles("Tuples");

        scenario.publish(new QuestionAnswered(user, chat, "What is a tuple?", true, Category.GENERAL, null,
                java.time.Instant.now(), UUID.randomUUID(), QuestionAnswered.Outcome.ANSWERED, List.of(), List.of()))
            .andWaitForStateChange(() -> history.summary(user, chat).title(), title -> title.equals("Tuples"))
            .andVerify(title -> assertThat(sentMessages(
                    model.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)).withRequestBody(not(streaming())))
                        .getFirst())
                .getLast()).isEqualTo("user: What is a tuple?"));
    }

    // ---- the model's side: OpenAI chat completions

    static RequestPatternBuilder answerRequest() {
        return postRequestedFor(urlPathEqualTo(COMPLETIONS)).withRequestBody(streaming());
    }

    /** Every streamed answer asked for, in order. */
    static List<LoggedRequest> answerRequests() {
        return model.findAll(answerRequest());
    }

    /**
     * Makes {@code answer} the reply to every streaming request; returns its tokens, when
     * it is a stream of them.
     */
    static List<String> answers(Answer answer) {
        answers(answer.response());
        return answer.tokens();
    }

    static void titles(String title) {
        model.titles(title);
    }

    static void answers(ResponseDefinitionBuilder response) {
        model.answers(response);
    }

    record Answer(List<String> tokens, ResponseDefinitionBuilder response) {
    }

    /**
     * Equally long tokens ("w00 ", "w01 ", …), so that each chunk of the dribble carries
     * about one.
     */
    static Answer slowly(int count, Duration total) {
        List<String> tokens = OpenAiStub.slowTokens(count);
        return new Answer(tokens, OpenAiStub.slowly(tokens, total));
    }

    /** "role: content" of each message the model was sent. */
    static List<String> sentMessages(LoggedRequest request) {
        return texts(Api.JSON.readTree(request.getBodyAsString()).get("messages"));
    }

    // ---- the client's side

    String newChat() {
        answers(streamed(List.of("Hello", " there.")));
        return api.newChat("Hello");
    }

    JsonNode chat(String chatId) {
        Api.Response chat = api.get("/api/v1/chats/" + chatId);
        assertThat(chat.status()).as(chat.body()).isEqualTo(200);
        return chat.json();
    }

    Api.Response stop(String chatId) {
        return api.post("/api/v1/chats/" + chatId + "/stop", "");
    }

    static String messagesOf(String chatId) {
        return "/api/v1/chats/" + chatId + "/messages";
    }

    /**
     * The lease is free: a new question is answered, and the messages are still numbered
     * 1, 2, 3… without a gap.
     */
    void assertTheChatAnswersAgain(String chatId) {
        int total = chat(chatId).get("messages").size() + 2;
        answers(streamed(List.of("Back ", "again.")));
        Api.Response again = api.post(messagesOf(chatId), "{\"message\":\"Once more\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(texts(again.json().get("messages"))).containsExactly("user: Once more", "assistant: Back again.");
        assertGapless(chatId, total);
    }

    void assertGapless(String chatId, int total) {
        JsonNode page = api.get(messagesOf(chatId) + "?limit=200").json().get("items");
        List<Integer> seqs = new ArrayList<>();
        page.forEach(m -> seqs.add(m.get("seq").asInt()));
        assertThat(seqs)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, total).map(i -> total + 1 - i).boxed().toList());
    }

    /** An interrupted answer: some of the tokens, from the first, but not all of them. */
    static void assertPartial(JsonNode answer, List<String> tokens) {
        String full = String.join("", tokens);
        String content = answer.get("content").asString();
        assertThat(answer.get("role").asString()).isEqualTo("assistant");
        assertThat(answer.get("interrupted").asBoolean()).as(answer.toString()).isTrue();
        assertThat(content).startsWith(tokens.getFirst()).isNotEqualTo(full);
        assertThat(full).startsWith(content);
    }

    static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/" + type);
    }

    static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.get("role").asString() + ": " + m.get("content").asString()));
        return texts;
    }

}
