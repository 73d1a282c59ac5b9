package dev.docent.assistant.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.knowledge.Passage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The embedding model's closeness of a sentence to the question adds to its value, for
 * the sentences of the first pages only.
 */
class SemanticScoringTest {

    private static final UUID DOCS = UUID.randomUUID();

    private static final String RANDOM = """
            Return a k sized list of elements chosen from the population with replacement.

            Return a k length list of unique elements chosen from the population sequence.""";

    @Test
    void aSentenceCloserToTheQuestionIsWorthMoreByTheSemanticWeight() {
        Passage random = passage("random.html", RANDOM);
        Reading byWords = Scoring.read("list of elements without repeats", "q", List.of(random), List.of(random), null);
        Reading withModel = Scoring.read("list of elements without repeats", "q", List.of(random), List.of(random),
                (question, sentences) -> sentences.stream()
                    .mapToDouble(sentence -> sentence.contains("unique") ? 0.8 : 0.3)
                    .toArray());

        for (int i = 0; i < 2; i++) {
            Unit plain = byWords.units().get(i);
            Unit measured = withModel.units().get(i);
            double closeness = measured.text().contains("unique") ? 0.8 : 0.3;
            assertThat(measured.semantic()).isEqualTo(closeness);
            assertThat(measured.value()).isCloseTo(plain.value() + Scoring.SEMANTIC_WEIGHT * closeness,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(withModel.units().get(1).value()).isGreaterThan(withModel.units().get(0).value());
    }

    @Test
    void onlyTheFirstPagesSentencesAreMeasured() {
        List<Passage> pages = List.of(passage("a.html", "Alpha sentence about lists of elements."),
                passage("b.html", "Beta sentence about lists of elements."),
                passage("c.html", "Gamma sentence about lists of elements."),
                passage("d.html", "Delta sentence about lists of elements."));
        List<String> asked = new java.util.ArrayList<>();

        Scoring.read("lists of elements", "q", pages, pages, (question, sentences) -> {
            asked.addAll(sentences);
            return sentences.stream().mapToDouble(sentence -> 0.5).toArray();
        });

        assertThat(asked).hasSize(3).noneMatch(sentence -> sentence.startsWith("Delta"));
    }

    private static Passage passage(String page, String text) {
        return new Passage(page, DOCS, "Docs", page, page, "Section", page, text, 1.0);
    }

}
