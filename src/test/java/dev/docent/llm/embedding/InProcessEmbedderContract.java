package dev.docent.llm.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.llm.Embedder;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What an in-process model must do beyond the contract: understand the text. */
abstract class InProcessEmbedderContract extends EmbedderContract {

    abstract InProcessModel model();

    @Override
    Embedder newEmbedder() {
        return new InProcessEmbedder(model());
    }

    @Test
    void isNamedByItsModelAndHas384Dimensions() {
        assertThat(embedder.id()).isEqualTo(model().id());
        assertThat(embedder.dimension()).isEqualTo(384);
    }

    @Test
    void aQuestionIsClosestToThePassageThatAnswersIt() {
        List<float[]> passages = embedder.embedPassages(PASSAGES);
        Map<String, Integer> answeredBy = Map.of("How can I get a sorted copy without changing my list?", 0,
                "How do I keep the packages of one project apart from another's?", 1,
                "Where does Django store the data of a session?", 2);

        answeredBy.forEach((question, passage) -> {
            float[] asked = embedder.embedQuery(question);

            assertThat(IntStream.range(0, PASSAGES.size())
                .boxed()
                .max((a, b) -> Double.compare(dot(asked, passages.get(a)), dot(asked, passages.get(b))))).as(question)
                .hasValue(passage);
        });
    }

}
