package dev.docent.llm;

import java.util.List;

/**
 * The embedding port: turns passages and questions into vectors for semantic search. One
 * bean of this type always exists (the in-process model by default).
 */
public interface Embedder {

    /**
     * Names the model and its settings, e.g. {@code all-minilm-l6-v2-q}; an index built
     * with another id is stale.
     */
    String id();

    /** The length of every vector this model returns. */
    int dimension();

    /**
     * Vectors for passages to index, in the order given, each of length
     * {@link #dimension()}, L2-normalized.
     */
    List<float[]> embedPassages(List<String> passages);

    /**
     * The vector of a search question (some models embed questions with a prefix),
     * L2-normalized.
     */
    float[] embedQuery(String question);

}
