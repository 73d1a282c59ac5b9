package dev.docent.assistant;

import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.llm.Embedder;
import java.util.List;
import org.springframework.stereotype.Component;

/** Cosine similarity of a question and sentences, by the embedding model of the index. */
@Component
class SentenceSimilarity implements PageChoice.Similarity {

    private final Embedder embedder;

    SentenceSimilarity(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public double[] of(String question, List<String> sentences) {
        float[] asked = embedder.embedQuery(question);
        List<float[]> vectors = embedder.embedPassages(sentences);
        double[] similarity = new double[vectors.size()];
        for (int i = 0; i < similarity.length; i++) {
            float[] vector = vectors.get(i);
            double dot = 0;
            for (int d = 0; d < vector.length; d++) {
                dot += vector[d] * asked[d];
            }
            // both are L2-normalized: the dot product is the cosine
            similarity[i] = dot;
        }
        return similarity;
    }

}
