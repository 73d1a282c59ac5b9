package dev.docent.llm.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.docent.llm.Embedder;
import dev.docent.llm.EmbeddingSettings;
import dev.docent.llm.ModelFailure;
import dev.docent.llm.ModelFailure.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible adapter, against a local server speaking the embeddings protocol
 * with a fake model.
 */
@TestInstance(Lifecycle.PER_CLASS)
class OpenAiEmbedderTest extends EmbedderContract {

    private static final String MODEL = "text-embedding-3-small";

    private static final String API_KEY = "sk-test-0123456789";

    private static final String PATH = "/v1/embeddings";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer upstream = new WireMockServer(
            wireMockConfig().dynamicPort().extensions(new FakeEmbeddingModel()));

    @BeforeAll
    void startUpstream() {
        upstream.start();
    }

    @AfterAll
    void stopUpstream() {
        upstream.stop();
    }

    @BeforeEach
    void serveTheFakeModel() {
        upstream.resetAll();
        upstream.stubFor(post(PATH).willReturn(aResponse().withTransformers(FakeEmbeddingModel.NAME)));
    }

    @Override
    Embedder newEmbedder() {
        return new OpenAiEmbedder(settings(null, 32, TIMEOUT));
    }

    @Test
    void postsTheModelNameAndTheTextsWithTheKey() {
        embedder.embedPassages(PASSAGES);

        upstream.verify(1,
                postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + API_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson(JSON.writeValueAsString(Map.of("model", MODEL, "input", PASSAGES)))));
    }

    @Test
    void sendsNoKeyWhenNoneIsSet() {
        Embedder keyless = embedder(
                new EmbeddingSettings("openai", upstream.baseUrl() + "/v1", null, MODEL, null, TIMEOUT, 32));

        keyless.embedQuery("How do I sort a list?");

        upstream.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withoutHeader("Authorization"));
    }

    @Test
    void postsAtMostBatchSizeTextsAtATime() {
        List<String> passages = List.of("one", "two", "three", "four", "five");

        List<float[]> vectors = embedder(settings(null, 2, TIMEOUT)).embedPassages(passages);

        assertThat(vectors).hasSize(5);
        assertThat(sentInputs()).containsExactly(List.of("one", "two"), List.of("three", "four"), List.of("five"));
        for (int i = 0; i < passages.size(); i++) {
            assertThat(vectors.get(i)).containsExactly(embedder.embedQuery(passages.get(i)));
        }
    }

    @Test
    void asksForNothingWhenThereIsNothingToEmbed() {
        embedder.embedPassages(List.of());

        upstream.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void learnsTheDimensionFromTheFirstAnswer() {
        assertThat(embedder.id()).isEqualTo("openai:" + MODEL);
        assertThat(embedder.dimension()).isEqualTo(FakeEmbeddingModel.DIMENSION);
        assertThat(embedder.dimension()).isEqualTo(FakeEmbeddingModel.DIMENSION);
        upstream.verify(1, postRequestedFor(urlPathEqualTo(PATH)));

        Embedder another = closeAfterTest(newEmbedder());
        another.embedPassages(PASSAGES);
        assertThat(another.dimension()).isEqualTo(FakeEmbeddingModel.DIMENSION);
        upstream.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void asksForTheConfiguredDimension() {
        Embedder shortened = embedder(settings(8, 32, TIMEOUT));

        assertThat(shortened.id()).isEqualTo("openai:" + MODEL + ":8");
        assertThat(shortened.dimension()).isEqualTo(8);
        upstream.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(shortened.embedPassages(PASSAGES)).allSatisfy(vector -> assertThat(vector).hasSize(8));
        upstream.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(
                equalToJson(JSON.writeValueAsString(Map.of("model", MODEL, "input", PASSAGES, "dimensions", 8)))));
    }

    @Test
    void anUpstreamErrorIsAnUpstreamFailureThatKeepsTheKeyOut() {
        upstream.stubFor(post(PATH).willReturn(aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"overloaded while serving key " + API_KEY + "\"}")));

        ModelFailure failure = failure(() -> embedder.embedPassages(PASSAGES), Kind.UPSTREAM);

        assertThat(failure.getMessage()).contains("openai:" + MODEL, "HTTP 500", "overloaded");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(API_KEY);
    }

    @Test
    void aSlowUpstreamIsATimeout() {
        upstream.stubFor(
                post(PATH).willReturn(aResponse().withTransformers(FakeEmbeddingModel.NAME).withFixedDelay(1_500)));
        Embedder impatient = embedder(settings(null, 32, Duration.ofMillis(300)));

        assertThat(failure(() -> impatient.embedQuery("How do I sort a list?"), Kind.TIMEOUT).getMessage())
            .contains("did not answer within 0.3s");
    }

    @Test
    void anUnreachableUpstreamIsAnUpstreamFailure() throws IOException {
        Embedder unreachable = embedder(
                new EmbeddingSettings("openai", closedPortUrl() + "/v1", API_KEY, MODEL, null, TIMEOUT, 32));

        failure(() -> unreachable.embedQuery("How do I sort a list?"), Kind.UPSTREAM);
    }

    @Test
    void anAnswerThatBreaksTheProtocolIsAnUpstreamFailure() {
        assertUpstreamAnswered("not json", "with something other than an embeddings list");
        assertUpstreamAnswered(answer(vector(0, 3, 4)), "1 vectors for 3 texts");
        assertUpstreamAnswered(answer(vector(0, 3, 4), vector(0, 1, 0), vector(2, 0, 1)),
                "with vector index 0 for 3 texts");
        assertUpstreamAnswered(answer(vector(0, 3, 4), vector(1, 1, 0), vector(2, 0, 1, 1)),
                "a vector of 3 dimensions instead of 2");
        assertUpstreamAnswered(answer(vector(0, 3, 4), vector(1, 0, 0), vector(2, 0, 1)), "a zero vector");
        assertUpstreamAnswered(answer(vector(0, 3, 4), vector(1), vector(2, 0, 1)), "an empty vector");
    }

    private void assertUpstreamAnswered(String body, String problem) {
        upstream.stubFor(post(PATH)
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        Embedder fresh = closeAfterTest(newEmbedder());

        assertThat(failure(() -> fresh.embedPassages(PASSAGES), Kind.UPSTREAM).getMessage()).as(body).contains(problem);
    }

    private static ModelFailure failure(ThrowingCallable call, Kind kind) {
        ModelFailure failure = catchThrowableOfType(ModelFailure.class, call);
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(kind);
        return failure;
    }

    private Embedder embedder(EmbeddingSettings settings) {
        return closeAfterTest(new OpenAiEmbedder(settings));
    }

    private EmbeddingSettings settings(Integer dimension, int batchSize, Duration timeout) {
        return new EmbeddingSettings("openai", upstream.baseUrl() + "/v1", API_KEY, MODEL, dimension, timeout,
                batchSize);
    }

    private List<List<String>> sentInputs() {
        List<List<String>> inputs = new ArrayList<>();
        for (LoggedRequest request : upstream.findAll(postRequestedFor(urlPathEqualTo(PATH)))) {
            List<String> input = new ArrayList<>();
            JSON.readTree(request.getBodyAsString()).get("input").forEach(text -> input.add(text.asString()));
            inputs.add(input);
        }
        return inputs;
    }

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static String answer(Map<?, ?>... vectors) {
        return JSON.writeValueAsString(Map.of("object", "list", "model", MODEL, "data", List.of(vectors)));
    }

    private static Map<String, Object> vector(int index, float... values) {
        return Map.of("object", "embedding", "index", index, "embedding", values);
    }

    /**
     * An embedding model as an OpenAI-compatible server presents it: each text gets a
     * vector of its own that is not normalized, and the answers come last input first,
     * each with its index.
     */
    static final class FakeEmbeddingModel implements ResponseDefinitionTransformerV2 {

        static final String NAME = "fake-embedding-model";
        static final int DIMENSION = 16;

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            int dimension = request.has("dimensions") ? request.get("dimensions").asInt() : DIMENSION;
            List<Map<String, Object>> data = new ArrayList<>();
            JsonNode input = request.get("input");
            for (int i = input.size() - 1; i >= 0; i--) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("object", "embedding");
                item.put("index", i);
                item.put("embedding", vectorOf(input.get(i).asString(), dimension));
                data.add(item);
            }
            String body = JSON.writeValueAsString(Map.of("object", "list", "model", request.get("model").asString(),
                    "data", data, "usage", Map.of("prompt_tokens", 5, "total_tokens", 5)));
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .but()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }

        private static float[] vectorOf(String text, int dimension) {
            Random random = new Random(text.hashCode());
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                vector[i] = (float) (random.nextGaussian() * 3);
            }
            return vector;
        }

    }

}
