package dev.docent.assistant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.llm.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cosine similarity of a question and sentences, by the embedding model of the index.
 * Sentence vectors are kept (about 1.5 KB each, at most {@value #KEPT}): the page choice
 * and the answerer read the same sentences, and popular pages come back.
 */
@Component
class SentenceSimilarity implements PageChoice.Similarity {

    private static final Logger log = LoggerFactory.getLogger(SentenceSimilarity.class);

    static final int KEPT = 20_000;

    private final Embedder embedder;

    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(KEPT).build();

    SentenceSimilarity(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * All zero when the model fails (a remote embeddings endpoint down): the answer is
     * then chosen by words and retrieval's order alone, as without a model.
     */
    @Override
    public double[] of(String question, List<String> sentences) {
        try {
            return measured(question, sentences);
        }
        catch (RuntimeException e) {
            log.warn("Sentence similarity unavailable, choosing by words alone: {}", e.toString());
            return new double[sentences.size()];
        }
    }

    private double[] measured(String question, List<String> sentences) {
        float[] asked = embedder.embedQuery(question);
        List<String> missing = sentences.stream().distinct().filter(s -> vectors.getIfPresent(s) == null).toList();
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embedPassages(new ArrayList<>(missing));
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), embedded.get(i));
            }
        }
        double[] similarity = new double[sentences.size()];
        for (int i = 0; i < similarity.length; i++) {
            float[] vector = vectors.getIfPresent(sentences.get(i));
            if (vector == null) {
                vector = embedder.embedPassages(List.of(sentences.get(i))).getFirst();
            }
            similarity[i] = dot(asked, vector);
        }
        return similarity;
    }

    /** Both are L2-normalized: the dot product is the cosine. */
    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return dot;
    }

}
