package dev.docent.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.llm.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSimilarityTest {

    /**
     * Two-dimensional vectors: a sentence holding "yes" points where the question does.
     */
    static class Counting implements Embedder {

        final List<String> embedded = new ArrayList<>();

        boolean failing;

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            if (failing) {
                throw new IllegalStateException("embeddings endpoint down");
            }
            embedded.addAll(passages);
            return passages.stream().map(p -> p.contains("yes") ? new float[] { 1, 0 } : new float[] { 0, 1 }).toList();
        }

        @Override
        public float[] embedQuery(String question) {
            if (failing) {
                throw new IllegalStateException("embeddings endpoint down");
            }
            return new float[] { 1, 0 };
        }

    }

    @Test
    void theCosineOfEachSentenceAndEachSentenceEmbeddedOnce() {
        Counting model = new Counting();
        SentenceSimilarity similarity = new SentenceSimilarity(model);

        assertThat(similarity.of("q", List.of("yes, this", "no, that", "yes, this"))).containsExactly(1, 0, 1);
        assertThat(similarity.of("q", List.of("no, that", "yes, another"))).containsExactly(0, 1);
        assertThat(model.embedded).containsExactly("yes, this", "no, that", "yes, another");
    }

    @Test
    void aFailingModelMeasuresNothingRatherThanFailingTheAnswer() {
        Counting model = new Counting();
        model.failing = true;

        assertThat(new SentenceSimilarity(model).of("q", List.of("yes", "no"))).containsExactly(0, 0);
    }

}
