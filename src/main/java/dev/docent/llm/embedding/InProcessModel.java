package dev.docent.llm.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The quantized ONNX models shipped in LangChain4j's embedding jars. Each is loaded on
 * first use, once per JVM, into a session of its own rather than LangChain4j's: that one
 * lets every call spread over all cores, and calls run side by side on a busy machine
 * then fight over them; one core per call, as many calls as cores, embeds about twice as
 * fast. Each reads only the start of a long text, as far as its tokenizer's limit: MiniLM
 * the first 128 tokens (about 90 words), bge the first 512.
 */
public enum InProcessModel {

    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN, ""),
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q", PoolingMode.CLS,
            "Represent this sentence for searching relevant passages: ");

    public static final int DIMENSION = 384;

    private final String id;

    private final String resource;

    private final PoolingMode pooling;

    private final String queryPrefix;

    private volatile OnnxBertBiEncoder encoder;

    InProcessModel(String id, String resource, PoolingMode pooling, String queryPrefix) {
        this.id = id;
        this.resource = resource;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
    }

    public static Optional<InProcessModel> named(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst();
    }

    /** The value of {@code DOCENT_EMBEDDING_MODEL} that selects it. */
    public String id() {
        return id;
    }

    /**
     * What a question is prefixed with: the model was trained to match such questions
     * with passages.
     */
    String queryPrefix() {
        return queryPrefix;
    }

    /**
     * Whether the jar that ships this model is on the classpath: the default build leaves
     * bge out.
     */
    public boolean availableIn(ClassLoader classLoader) {
        return classLoader != null && classLoader.getResource(resource + ".onnx") != null;
    }

    OnnxBertBiEncoder encoder() {
        OnnxBertBiEncoder loaded = encoder;
        if (loaded == null) {
            synchronized (this) {
                loaded = encoder;
                if (loaded == null) {
                    loaded = load();
                    encoder = loaded;
                }
            }
        }
        return loaded;
    }

    private OnnxBertBiEncoder load() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = open(resource + "-tokenizer.json")) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(read(resource + ".onnx"), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
        }
        catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + id, e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + id, e);
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String name) {
        InputStream in = InProcessModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (a LangChain4j embeddings jar)");
        }
        return in;
    }

}
