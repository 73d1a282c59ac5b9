package dev.docent.assistant.pagechoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieved;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageChoiceTest {

    private static final UUID DOCS = UUID.randomUUID();

    /**
     * Shares of the question's words a sentence holds: a stand-in for the embedding
     * model.
     */
    private static final PageChoice.Similarity WORDS = (question, sentences) -> sentences.stream()
        .mapToDouble(sentence -> {
            Set<String> asked = words(question);
            Set<String> said = words(sentence);
            said.retainAll(asked);
            return (double) said.size() / asked.size();
        })
        .toArray();

    @Test
    void aLowerPageWhoseSentenceComesClosestIsReadFirst() {
        Passage first = passage("a.html", "Interfaces can be compared with the usual logical operators of networks.");
        Passage second = passage("b.html", "Use sample to pick unique random elements from a list without repeats.");
        Passage third = passage("c.html", "Logging handlers write records to files and to streams.");
        Retrieved retrieved = retrieved(List.of(first, second, third), List.of());

        Retrieved chosen = PageChoice.reorder("pick unique random elements from a list", retrieved, WORDS);

        assertThat(chosen.passages()).containsExactly(second, first, third);
        assertThat(chosen.furtherOnTopPages()).isEqualTo(retrieved.furtherOnTopPages());
    }

    @Test
    void aPageFoundClearlyWorseNeedsAFarCloserSentenceToOvertake() {
        assertThat(firstAfterReorder(0.168, 0.120)).as("28 % short of the best score, 0.07 closer").isEqualTo("a.html");
    }

    @Test
    void aPageFoundNearlyAsWellOvertakesWithACloserSentence() {
        assertThat(firstAfterReorder(0.125, 0.119)).as("5 % short of the best score, 0.07 closer").isEqualTo("b.html");
    }

    /**
     * The page read first of two retrieved with these scores, the second holding a
     * sentence 0.07 closer to the question.
     */
    private static String firstAfterReorder(double firstScore, double secondScore) {
        Passage first = passage("a.html", "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.",
                firstScore);
        Passage second = passage("b.html", "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda nu.",
                secondScore);
        PageChoice.Similarity closerBy = (question, sentences) -> sentences.stream()
            .mapToDouble(sentence -> sentence.endsWith("nu.") ? 0.60 : 0.53)
            .toArray();
        Retrieved chosen = PageChoice.reorder("anything at all", retrieved(List.of(first, second), List.of()),
                closerBy);
        assertThat(chosen.passages()).hasSize(2);
        return chosen.passages().getFirst().page();
    }

    @Test
    void theShortfallIsTheShareOfTheBestScoreMissing() {
        assertThat(PageChoice.shortfall(0.168, 0.168)).isZero();
        assertThat(PageChoice.shortfall(0.084, 0.168)).isEqualTo(0.5);
        assertThat(PageChoice.shortfall(0.1, 0)).isZero();
        assertThat(PageChoice.shortfall(0.2, 0.1)).isZero();
    }

    @Test
    void aPagesFurtherPassagesSpeakForItAndPagesBeyondTheChoiceStayPut() {
        Passage first = passage("a.html", "The first page talks about something else entirely here.");
        Passage second = passage("b.html", "The second page opens with an unrelated introduction.");
        Passage secondFurther = passage("b.html", "Use sample to pick unique random elements from a list.");
        Passage third = passage("c.html", "The third page is about logging configuration files.");
        Passage fourth = passage("d.html", "Use sample to pick unique random elements from a list, always.");
        Retrieved retrieved = retrieved(List.of(first, second, third, fourth), List.of(secondFurther));

        Retrieved chosen = PageChoice.reorder("pick unique random elements from a list", retrieved, WORDS);

        assertThat(chosen.passages()).containsExactly(second, first, third, fourth);
        assertThat(chosen.byPage()).startsWith(second, secondFurther);
    }

    @Test
    void aKoreanQuestionIsComparedByTheEnglishItWasAlsoSearchedAs() {
        String korean = "딕셔너리 두 개를 하나로 합치려면?";
        Retrieved searchedInEnglish = new Retrieved(korean, List.of(korean, "dictionary merge combine"), List.of(),
                List.of());

        assertThat(PageChoice.inEnglish(korean, searchedInEnglish)).isEqualTo("dictionary merge combine");
        assertThat(PageChoice.inEnglish(korean, retrieved(List.of(), List.of()))).isEqualTo(korean);
        assertThat(PageChoice.inEnglish("How do I merge two dicts?",
                new Retrieved("q", List.of("q", "merge dicts"), List.of(), List.of())))
            .isEqualTo("How do I merge two dicts?");
    }

    @Test
    void onePageIsNoChoice() {
        Retrieved retrieved = retrieved(List.of(passage("a.html", "Only one page was found for this question.")),
                List.of());

        assertThat(PageChoice.reorder("which page", retrieved, WORDS)).isSameAs(retrieved);
        assertThat(PageChoice.reorder("which page", retrieved(List.of(), List.of()), WORDS).passages()).isEmpty();
    }

    @Test
    void shortAndOverlongPiecesAreNotSentencesToCompare() {
        List<String> sentences = PageChoice.sentences(
                List.of(passage("a.html", "Note:\n\nThis sentence is long enough to count.\n\n" + "x".repeat(600))));

        assertThat(sentences).containsExactly("This sentence is long enough to count.");
    }

    private static Retrieved retrieved(List<Passage> passages, List<Passage> further) {
        return new Retrieved("q", List.of("q"), passages, further);
    }

    private static Passage passage(String page, String text) {
        return passage(page, text, 1.0);
    }

    private static Passage passage(String page, String text, double score) {
        return new Passage(page + "-" + text.hashCode(), DOCS, "Docs", page, page, "Section", page, text, score);
    }

    private static Set<String> words(String text) {
        return new HashSet<>(List.of(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").trim().split("\\s+")));
    }

}
