package dev.docent.llm.embedding;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.docent.llm.Embedder;
import dev.docent.llm.EmbeddingSettings;
import dev.docent.llm.http.ModelHttp;
import dev.docent.llm.http.UpstreamFailures;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Embeds through an OpenAI-compatible {@code POST /embeddings} endpoint (OpenAI, vLLM,
 * llama.cpp server, LM Studio), a batch of passages per request. The protocol is spoken
 * here rather than through LangChain4j's embedding model, which drops each vector's
 * {@code index}: OpenAI warns that the answers may come in another order than the inputs.
 * Vectors are normalized here too, since not every server does it.
 */
public final class OpenAiEmbedder implements Embedder, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    /**
     * Embedded to learn the dimension when it is asked for before any passage was
     * embedded.
     */
    private static final String PROBE = "dimension";

    private final EmbeddingSettings settings;

    private final ModelHttp http;

    private final HttpClient client;

    private final UpstreamFailures failures;

    private volatile int dimension;

    public OpenAiEmbedder(EmbeddingSettings settings) {
        this.settings = settings;
        this.http = new ModelHttp(settings.timeout());
        this.client = http.blocking().build();
        this.failures = new UpstreamFailures(settings);
        this.dimension = settings.dimension() == null ? 0 : settings.dimension();
    }

    /**
     * The model's name, and the length asked for: shortened vectors do not mix with whole
     * ones.
     */
    @Override
    public String id() {
        String id = EmbeddingSettings.OPENAI + ":" + settings.modelName();
        return settings.dimension() == null ? id : id + ":" + settings.dimension();
    }

    /** Asks the endpoint once if no answer has told it yet. */
    @Override
    public int dimension() {
        if (dimension == 0) {
            embedQuery(PROBE);
        }
        return dimension;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        EmbedderInput.requireText(passages);
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int start = 0; start < passages.size(); start += settings.batchSize()) {
            vectors.addAll(embed(passages.subList(start, Math.min(start + settings.batchSize(), passages.size()))));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String question) {
        return embed(List.of(EmbedderInput.requireText(question))).getFirst();
    }

    /** Aborts the requests still running and ends the client's threads. */
    @Override
    public void close() {
        http.close();
    }

    private List<float[]> embed(List<String> texts) {
        HttpRequest.Builder request = HttpRequest.builder()
            .method(HttpMethod.POST)
            .url(settings.baseUrl() + "/embeddings")
            .addHeader("Content-Type", "application/json")
            .body(JSON.writeValueAsString(new Request(settings.modelName(), texts, settings.dimension())));
        if (settings.apiKey() != null) {
            request.addHeader("Authorization", "Bearer " + settings.apiKey());
        }
        String body;
        try {
            body = client.execute(request.build()).body();
        }
        catch (RuntimeException e) {
            throw failures.translate(e);
        }
        return vectors(body, texts.size());
    }

    private List<float[]> vectors(String body, int expected) {
        Response response;
        try {
            response = JSON.readValue(body, Response.class);
        }
        catch (JacksonException e) {
            throw failures.unexpected("with something other than an embeddings list");
        }
        if (response.data() == null || response.data().size() != expected) {
            throw failures.unexpected(
                    (response.data() == null ? 0 : response.data().size()) + " vectors for " + expected + " texts");
        }
        float[][] vectors = new float[expected][];
        for (Item item : response.data()) {
            if (item.index() == null || item.index() < 0 || item.index() >= expected || vectors[item.index()] != null) {
                throw failures.unexpected("with vector index " + item.index() + " for " + expected + " texts");
            }
            vectors[item.index()] = normalized(checkedLength(item.embedding()));
        }
        return List.of(vectors);
    }

    private float[] checkedLength(float[] vector) {
        int length = vector == null ? 0 : vector.length;
        if (length == 0) {
            throw failures.unexpected("an empty vector");
        }
        synchronized (this) {
            if (dimension == 0) {
                dimension = length;
            }
        }
        if (length != dimension) {
            throw failures.unexpected("a vector of " + length + " dimensions instead of " + dimension);
        }
        return vector;
    }

    private float[] normalized(float[] vector) {
        double sum = 0;
        for (float x : vector) {
            sum += x * x;
        }
        if (sum == 0) {
            throw failures.unexpected("a zero vector, which has no direction to compare");
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return unit;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Request(String model, List<String> input, Integer dimensions) {
    }

    private record Response(List<Item> data) {
    }

    private record Item(Integer index, float[] embedding) {
    }

}
