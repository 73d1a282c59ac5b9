package dev.docent.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.docent.assistant.ModelTurnTest.sentMessages;
import static dev.docent.support.OpenAiStub.COMPLETIONS;
import static dev.docent.support.OpenAiStub.completion;
import static dev.docent.support.OpenAiStub.okJson;
import static dev.docent.support.OpenAiStub.streamed;
import static dev.docent.support.OpenAiStub.streaming;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.docent.assistant.prompt.PromptAssembler;
import dev.docent.support.Api;
import dev.docent.support.OpenAiStub;
import dev.docent.support.SseStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * OFFICIAL_DOCS turns with a language model, a WireMock server speaking the OpenAI
 * protocol: query rewrites (plain completions) fused into retrieval, then the answer
 * streamed from a prompt holding the passages. Retrieval keeps one page only
 * ({@code passages=1}), so what it ranks first, with that page's further sections, is
 * exactly what the prompt holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = GroundedModelTurnTest.StubModel.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundedModelTurnTest {

    static final OpenAiStub model = new OpenAiStub();
    static final String REWRITES = "search queries";

    static class StubModel implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            model.configure(context, Duration.ofSeconds(2), "docent.assistant.passages=1",
                    "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42");
        }

    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeAll
    void documents() {
        Api admin = new Api(port).login("librarian", "shelve-the-books-42");
        admin.ingest("household", "Household guide",
                Map.of("tea.md", GroundedTurnTest.TEA, "bread.md", GroundedTurnTest.BREAD));
    }

    @AfterAll
    static void stopModel() {
        model.stop();
    }

    @BeforeEach
    void stubs() {
        model.resetAll();
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(not(streaming()))
            .willReturn(okJson(completion("A title"))));
        api = new Api(port).newUser();
    }

    @Test
    void thePromptHoldsTheRetrievedPassageAndTheEarlierTurnsAndTheAnswerKeepsOnlyRealCitations() {
        rewrites("How long do I steep black tea?\nblack tea steeping time\nbrewing black tea minutes");
        answer(List.of("Steep black tea for four minutes [1]", " and never longer [7]."));
        String chatId = api
            .post("/api/v1/chats",
                    "{\"message\":\"How hot should the water be for green tea?\"," + "\"category\":\"OFFICIAL_DOCS\"}")
            .json()
            .get("chat")
            .get("id")
            .asString();

        JsonNode answer = api
            .post("/api/v1/chats/" + chatId + "/messages",
                    "{\"message\":\"and for black tea, how " + "long do I steep it?\"}")
            .json()
            .get("messages")
            .get(1);

        List<String> prompt = sentMessages(answerRequests().getLast());
        assertThat(prompt.getFirst()).startsWith("system: " + PromptAssembler.GROUNDED_INSTRUCTIONS)
            .contains("[1] Household guide — Brewing tea › Steeping time (tea.md#steeping-time)")
            .contains("Steep black tea for four minutes");
        assertThat(prompt.subList(1, prompt.size())).containsExactly("user: How hot should the water be for green tea?",
                "assistant: Steep black tea for four minutes [1] and never longer.",
                "user: and for black tea, how long do I steep it?");
        assertThat(answer.get("content").asString())
            .isEqualTo("Steep black tea for four minutes [1] and never longer.");
        assertThat(answer.get("sources")).hasSize(1);
        assertThat(answer.get("sources").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(answer.get("sources").get(0).get("section").asString()).isEqualTo("Steeping time");
    }

    @Test
    void theModelReadsWhatAnOfflineAnswerReadsTheBestPagesOtherSectionsToo() {
        answer(List.of("Black tea takes water just off the boil [1]."));

        api.post("/api/v1/chats",
                "{\"message\":\"How hot should the water be for black tea?\",\"category\":\"OFFICIAL_DOCS\"}");

        String passages = sentMessages(answerRequests().getLast()).getFirst();
        assertThat(passages).as("one page retrieved (passages=1), both of its sections read")
            .contains("[1] Household guide — Brewing tea › ", "[2] Household guide — Brewing tea › ",
                    "Green tea wants water at about 80 degrees", "Steep black tea for four minutes")
            .doesNotContain("[3] Household", "sourdough");
    }

    @Test
    void aNonEnglishQuestionIsAlsoSearchedInEnglishAndTheRewritesAreFused() {
        rewrites("사워도우 스타터에 얼마나 자주 먹이를 줘야 하나요?\nHow often should I feed a sourdough starter?\n"
                + "sourdough starter feeding flour water");
        answer(List.of("매일 먹이를 주세요 [1]."));

        try (SseStream stream = api.stream("/api/v1/chats",
                "{\"message\":\"사워도우 스타터에 얼마나 자주 먹이를 줘야 하나요?\",\"category\":\"OFFICIAL_DOCS\"}")) {
            stream.next("meta");
            JsonNode sources = stream.next("sources").json();
            assertThat(sources).hasSize(1);
            assertThat(sources.get(0).get("page").asString()).isEqualTo("bread.md");
            assertThat(stream.rest().getLast().name()).isEqualTo("done");
        }
        LoggedRequest rewriteRequest = model
            .findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)).withRequestBody(containing(REWRITES)))
            .getFirst();
        assertThat(rewriteRequest.getBodyAsString()).contains("English translation")
            .contains("사워도우 스타터에 얼마나 자주 먹이를 줘야 하나요?");
        assertThat(sentMessages(answerRequests().getLast()).getFirst()).contains("Feeding the starter");
    }

    @Test
    void withoutRewritesTheQuestionIsStillAnswered() {
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(containing(REWRITES))
            .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}")));
        answer(List.of("Green tea wants 80 degrees [1]."));

        JsonNode answer = api
            .post("/api/v1/chats",
                    "{\"message\":\"What water temperature for green tea?\"," + "\"category\":\"OFFICIAL_DOCS\"}")
            .json()
            .get("messages")
            .get(1);

        assertThat(answer.get("content").asString()).isEqualTo("Green tea wants 80 degrees [1].");
        assertThat(answer.get("sources").get(0).get("section").asString()).isEqualTo("Water temperature");
    }

    @Test
    void anUpstreamFailureIsA502AndKeepsTheQuestion() {
        rewrites("green tea water temperature");
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(streaming())
            .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"down\"}}")));

        Api.Response response = api.post("/api/v1/chats",
                "{\"message\":\"What water temperature for green tea?\"," + "\"category\":\"OFFICIAL_DOCS\"}");

        ModelTurnTest.assertProblem(response, 502, "model-failed");
        JsonNode chats = api.get("/api/v1/chats").json().get("items");
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).get("messageCount").asInt()).isEqualTo(1);
    }

    @Test
    void aModelSilentPastTheDeadlineIsA504AndKeepsTheQuestion() {
        rewrites("green tea water temperature");
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(streaming())
            .willReturn(streamed(List.of("too late")).withFixedDelay(4_000)));

        Api.Response response = api.post("/api/v1/chats",
                "{\"message\":\"What water temperature for green tea?\"," + "\"category\":\"OFFICIAL_DOCS\"}");

        ModelTurnTest.assertProblem(response, 504, "generation-timeout");
        assertThat(api.get("/api/v1/chats").json().get("items").get(0).get("messageCount").asInt()).isEqualTo(1);
    }

    private static void rewrites(String lines) {
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(containing(REWRITES))
            .atPriority(1)
            .willReturn(okJson(completion(lines))));
    }

    private static void answer(List<String> tokens) {
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(streaming()).willReturn(streamed(tokens)));
    }

    private static List<LoggedRequest> answerRequests() {
        return model.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)).withRequestBody(streaming()));
    }

}
