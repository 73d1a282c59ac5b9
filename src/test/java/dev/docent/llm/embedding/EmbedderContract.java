package dev.docent.llm.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.docent.llm.Embedder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Embedder} adapter must do. A subclass supplies the adapter. */
abstract class EmbedderContract {

    static final List<String> PASSAGES = List.of(
            "list.sort() sorts the list in place; sorted() returns a new sorted list and leaves the original "
                    + "unchanged.",
            "A virtual environment is a directory with its own Python interpreter and its own installed packages, "
                    + "kept apart from the system's.",
            "The session middleware stores the session data in the database by default and sends the browser a "
                    + "cookie holding only the session key.");

    private final List<AutoCloseable> opened = new ArrayList<>();

    Embedder embedder;

    abstract Embedder newEmbedder();

    @BeforeEach
    void createEmbedder() {
        embedder = newEmbedder();
    }

    @AfterEach
    void closeEmbedders() throws Exception {
        closeAfterTest(embedder);
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        opened.clear();
    }

    /** An embedder that holds resources (an HTTP client) is closed after the test. */
    <T> T closeAfterTest(T embedder) {
        if (embedder instanceof AutoCloseable closeable) {
            opened.add(closeable);
        }
        return embedder;
    }

    @Test
    void everyVectorHasTheModelsDimension() {
        List<float[]> vectors = embedder.embedPassages(PASSAGES);

        assertThat(embedder.dimension()).isPositive();
        assertThat(vectors).hasSize(PASSAGES.size())
            .allSatisfy(vector -> assertThat(vector).hasSize(embedder.dimension()));
        assertThat(embedder.embedQuery("How do I sort a list?")).hasSize(embedder.dimension());
    }

    @Test
    void vectorsHaveUnitLength() {
        assertThat(embedder.embedPassages(PASSAGES))
            .allSatisfy(vector -> assertThat(norm(vector)).isCloseTo(1.0, within(1e-4)));
        assertThat(norm(embedder.embedQuery("How do I sort a list?"))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void differentTextsGetDifferentVectors() {
        List<float[]> vectors = embedder.embedPassages(PASSAGES);

        assertThat(dot(vectors.get(0), vectors.get(1))).isLessThan(0.95);
        assertThat(dot(vectors.get(1), vectors.get(2))).isLessThan(0.95);
        assertThat(dot(vectors.get(0), vectors.get(2))).isLessThan(0.95);
    }

    @Test
    void vectorsComeInTheOrderOfThePassages() {
        List<String> rotated = new ArrayList<>(PASSAGES);
        Collections.rotate(rotated, 1);

        List<float[]> inOrder = embedder.embedPassages(PASSAGES);
        List<float[]> shifted = embedder.embedPassages(rotated);

        for (int i = 0; i < PASSAGES.size(); i++) {
            assertThat(shifted.get((i + 1) % PASSAGES.size())).containsExactly(inOrder.get(i), within(1e-5f));
        }
    }

    @Test
    void aBatchAgreesWithPassagesEmbeddedOneByOne() {
        List<float[]> batch = embedder.embedPassages(PASSAGES);

        for (int i = 0; i < PASSAGES.size(); i++) {
            List<float[]> single = embedder.embedPassages(List.of(PASSAGES.get(i)));

            assertThat(single).hasSize(1);
            assertThat(single.getFirst()).containsExactly(batch.get(i), within(1e-5f));
        }
    }

    @Test
    void noPassagesGiveNoVectors() {
        assertThat(embedder.embedPassages(List.of())).isEmpty();
    }

    @Test
    void blankTextIsRefused() {
        assertThatThrownBy(() -> embedder.embedPassages(List.of(PASSAGES.getFirst(), " \n")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embedQuery("")).isInstanceOf(IllegalArgumentException.class);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

}
