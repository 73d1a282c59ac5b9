package dev.docent.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import dev.docent.assistant.prompt.PromptAssembler;
import dev.docent.support.Api;
import dev.docent.support.Eventually;
import dev.docent.support.ServicesInitializer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A whole turn through the Ollama adapter: /api/chat, the answer streamed as
 * newline-delimited JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OllamaTurnTest.StubOllama.class)
class OllamaTurnTest {

    static final WireMockServer ollama = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        ollama.start();
    }

    static class StubOllama extends ServicesInitializer {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues
                .of("docent.llm.provider=ollama", "docent.llm.base-url=" + ollama.baseUrl(),
                        "docent.llm.model=test-model")
                .applyTo(context);
        }

    }

    @AfterAll
    static void stopOllama() {
        ollama.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aJsonTurnIsAnsweredByOllamaAndTheChatIsTitledByIt() {
        List<String> tokens = List.of("A tuple ", "is immutable.");
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).withRequestBody(streaming(true))
            .willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson")
                .withBody(tokens.stream().map(t -> line(t, false)).collect(Collectors.joining()) + line("", true))));
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).withRequestBody(streaming(false))
            .willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(line("Tuples in Python", true))));
        Api api = new Api(port).newUser();

        Api.Response created = api.post("/api/v1/chats", "{\"message\":\"What is a tuple?\",\"category\":\"GENERAL\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(ModelTurnTest.texts(created.json().get("messages"))).containsExactly("user: What is a tuple?",
                "assistant: A tuple is immutable.");
        assertThat(ModelTurnTest
            .sentMessages(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(streaming(true)))
                .getFirst()))
            .containsExactly("system: " + PromptAssembler.GENERAL_INSTRUCTIONS, "user: What is a tuple?");
        ollama.verify(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(streaming(true))
            .withRequestBody(matchingJsonPath("$.model", equalTo("test-model"))));
        String chatId = created.json().get("chat").get("id").asString();
        JsonNode titled = Eventually.await(Duration.ofSeconds(5), () -> api.get("/api/v1/chats/" + chatId).json(),
                chat -> chat.get("title").asString().equals("Tuples in Python"));
        assertThat(titled.get("messages")).hasSize(2);
    }

    private static StringValuePattern streaming(boolean streaming) {
        return matchingJsonPath("$.stream", equalTo(String.valueOf(streaming)));
    }

    /** One line of Ollama's /api/chat answer; the last one says done. */
    private static String line(String content, boolean done) {
        String end = done
                ? ",\"done_reason\":\"stop\",\"done\":true,\"total_duration\":5,\"load_duration\":1,"
                        + "\"prompt_eval_count\":20,\"prompt_eval_duration\":2,\"eval_count\":4,\"eval_duration\":2"
                : ",\"done\":false";
        return "{\"model\":\"test-model\",\"created_at\":\"2025-01-22T11:22:42.180546Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":" + Api.JSON.writeValueAsString(content) + "}" + end
                + "}\n";
    }

}
