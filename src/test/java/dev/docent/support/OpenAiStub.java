package dev.docent.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A language model for end-to-end tests: a WireMock server speaking the OpenAI
 * chat-completions protocol, answers streamed as server-sent events and titles as plain
 * completions.
 */
public final class OpenAiStub extends WireMockServer {

    public static final String COMPLETIONS = "/v1/chat/completions";

    /**
     * Started at once, so that a test's context initializer can point the application at
     * it.
     */
    public OpenAiStub() {
        super(wireMockConfig().dynamicPort());
        start();
    }

    /**
     * The services, and this stub as the model ({@code docent.llm.*}), with any further
     * properties.
     */
    public void configure(ConfigurableApplicationContext context, Duration generationTimeout, String... properties) {
        new ServicesInitializer().initialize(context);
        modelAt(baseUrl(), generationTimeout).and(properties).applyTo(context);
    }

    /**
     * The settings that make the OpenAI-speaking server at {@code baseUrl} the model,
     * answers cut off after the timeout.
     */
    private static TestPropertyValues modelAt(String baseUrl, Duration generationTimeout) {
        return TestPropertyValues.of("docent.llm.provider=openai", "docent.llm.base-url=" + baseUrl + "/v1",
                "docent.llm.model=test-model", "docent.llm.api-key=test-key", "docent.llm.timeout=10s",
                "docent.assistant.generation-timeout=" + generationTimeout.toSeconds() + "s");
    }

    public void reset() {
        resetAll();
    }

    /** Every title request is answered with {@code title}. */
    public void titles(String title) {
        stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(not(streaming()))
            .willReturn(okJson(completion(title))));
    }

    /** Every streamed answer is {@code response}. */
    public void answers(ResponseDefinitionBuilder response) {
        stubFor(post(urlPathEqualTo(COMPLETIONS)).withRequestBody(streaming()).willReturn(response));
    }

    /** The tokens at once. */
    public static ResponseDefinitionBuilder streamed(List<String> tokens) {
        String body = chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)
                + tokens.stream().map(t -> chunk(content(t), null)).collect(Collectors.joining())
                + chunk("{}", "\"stop\"") + "data: [DONE]\n\n";
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /**
     * {@code count} equally long tokens ("w00 ", "w01 ", …), dribbled out over
     * {@code total}.
     */
    public static List<String> slowTokens(int count) {
        return IntStream.range(0, count).mapToObj(i -> "w%02d ".formatted(i)).toList();
    }

    public static ResponseDefinitionBuilder slowly(List<String> tokens, Duration total) {
        return streamed(tokens).withChunkedDribbleDelay(tokens.size(), (int) total.toMillis());
    }

    public static ResponseDefinitionBuilder failing(int status) {
        return aResponse().withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
    }

    /**
     * Matches the requests for a streamed answer (titles and query rewrites are plain
     * completions).
     */
    public static com.github.tomakehurst.wiremock.matching.StringValuePattern streaming() {
        return matchingJsonPath("$.stream", equalTo("true"));
    }

    public static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A plain (non-streamed) chat completion saying {@code text}. */
    public static String completion(String text) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":4,"total_tokens":24}}"""
            .formatted(Api.JSON.writeValueAsString(text));
    }

    /**
     * One server-sent event of a stream, carrying one token: a stream may be cut after
     * any of them.
     */
    public static String tokenChunk(String token) {
        return chunk(content(token), null);
    }

    private static String content(String token) {
        return "{\"content\":" + Api.JSON.writeValueAsString(token) + "}";
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"test-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

}
