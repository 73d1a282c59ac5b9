package dev.docent.llm.embedding;

import dev.docent.llm.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Embeds in this JVM with one of LangChain4j's quantized models; nothing leaves the
 * machine. The model loads on the first call, not at start. A list of passages is spread
 * over one thread per core, shared by every embedder in the JVM (the cores are); a
 * question is embedded in the caller's thread.
 */
public final class InProcessEmbedder implements Embedder {

    private static final ExecutorService CORES = cores();

    private final InProcessModel model;

    private final LangChainModel langChain;

    public InProcessEmbedder(InProcessModel model) {
        this.model = model;
        this.langChain = new LangChainModel(model);
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public int dimension() {
        return InProcessModel.DIMENSION;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        if (EmbedderInput.requireText(passages).isEmpty()) {
            return List.of();
        }
        return langChain.embedAll(passages.stream().map(TextSegment::from).toList())
            .content()
            .stream()
            .map(Embedding::vector)
            .toList();
    }

    @Override
    public float[] embedQuery(String question) {
        return langChain.embed(model.queryPrefix() + EmbedderInput.requireText(question)).content().vector();
    }

    private static ExecutorService cores() {
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("embedder-", 1).daemon().factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** LangChain4j's in-process model over the session {@link InProcessModel} loads. */
    private static final class LangChainModel extends AbstractInProcessEmbeddingModel {

        private final InProcessModel model;

        LangChainModel(InProcessModel model) {
            super(CORES);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model.encoder();
        }

        @Override
        protected Integer knownDimension() {
            return InProcessModel.DIMENSION;
        }

    }

}
