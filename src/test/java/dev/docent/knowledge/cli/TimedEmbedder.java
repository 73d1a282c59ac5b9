package dev.docent.knowledge.cli;

import dev.docent.llm.Embedder;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application's embedder, adding up the time spent embedding passages, so the bench
 * can tell it apart.
 */
final class TimedEmbedder implements Embedder {

    private final Embedder embedder;

    private final LongAdder passageNanos;

    TimedEmbedder(Embedder embedder, LongAdder passageNanos) {
        this.embedder = embedder;
        this.passageNanos = passageNanos;
    }

    @Override
    public String id() {
        return embedder.id();
    }

    @Override
    public int dimension() {
        return embedder.dimension();
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        long started = System.nanoTime();
        try {
            return embedder.embedPassages(passages);
        }
        finally {
            passageNanos.add(System.nanoTime() - started);
        }
    }

    @Override
    public float[] embedQuery(String question) {
        return embedder.embedQuery(question);
    }

}
