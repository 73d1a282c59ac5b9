package dev.docent.assistant.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.docent.assistant.prompt.Citations.Checked;
import dev.docent.chat.Source;
import dev.docent.knowledge.Passage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CitationsTest {

    private static final UUID PYTHON = UUID.fromString("5b0d3a3e-2c1f-4a8e-9d41-6f0e5d1c2b7a");

    @Test
    void citationsOfGivenPassagesAreKeptAndReported() {
        Checked checked = Citations.check("Use `functools.cache` [2]. It never evicts entries [1][2].", 3);

        assertThat(checked.text()).isEqualTo("Use `functools.cache` [2]. It never evicts entries [1][2].");
        assertThat(checked.cited()).containsExactly(1, 2);
    }

    @Test
    void numbersOutsideTheGivenPassagesAreRemovedWithTheirSpace() {
        Checked checked = Citations.check("The cache is unbounded [7]. Use maxsize [0] to bound it [2, 9].", 3);

        assertThat(checked.text()).isEqualTo("The cache is unbounded. Use maxsize to bound it [2].");
        assertThat(checked.cited()).containsExactly(2);
    }

    @Test
    void groupedRangedAndFootnoteFormsBecomePlainMarkers() {
        Checked checked = Citations
            .check("Lists [1, 3] and tuples [1-3] are sequences [^2]; so are ranges 【4】 and strings [Source 4].", 4);

        assertThat(checked.text())
            .isEqualTo("Lists [1][3] and tuples [1][2][3] are sequences [2]; so are ranges [4] and strings [4].");
        assertThat(checked.cited()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void codeIsNeverTouched() {
        String answer = """
                Index from zero: `p[5]` is the sixth item [1].

                ```python
                >>> p = [10, 20, 30]
                >>> p[2]
                30
                ```
                """;

        Checked checked = Citations.check(answer, 1);

        assertThat(checked.text()).isEqualTo(answer);
        assertThat(checked.cited()).containsExactly(1);
    }

    @Test
    void linksAreNotCitationsButFootnoteDefinitionsGo() {
        String answer = """
                See [the tutorial][1] and [3](https://docs.python.org/3/) for more [^1].

                [^1]: Python documentation, functools
                [^2]: Python documentation, collections
                """;

        Checked checked = Citations.check(answer, 1);

        assertThat(checked.text()).isEqualTo("""
                See [the tutorial][1] and [3](https://docs.python.org/3/) for more [1].

                """);
        assertThat(checked.cited()).containsExactly(1);
    }

    @Test
    void aMarkerOpeningALineGoesWithoutLeavingASpace() {
        Checked checked = Citations.check("Answer first.\n[5] Then this.\n- [4] item", 2);

        assertThat(checked.text()).isEqualTo("Answer first.\nThen this.\n- item");
        assertThat(checked.cited()).isEmpty();
    }

    @Test
    void anAnswerWithoutPassagesKeepsNoMarkers() {
        Checked checked = Citations.check("The documents do not cover this [1].", 0);

        assertThat(checked.text()).isEqualTo("The documents do not cover this.");
        assertThat(checked.cited()).isEmpty();
    }

    @Test
    void everyPassageBecomesASourceNumberedInTheOrderGiven() {
        Passage cache = passage("c-1", "functools.cache", "Simple lightweight unbounded function cache.", 0.032);
        Passage lru = passage("c-2", "functools.lru_cache", "Decorator to wrap a function with a memoizing callable.",
                0.031);

        List<Source> sources = Citations.sources(List.of(cache, lru));

        assertThat(sources)
            .containsExactly(new Source(1, PYTHON, "Python 3.11", "library/functools.html", "functools.cache",
                    "library/functools.html#functools.cache", "Simple lightweight unbounded function cache.", 0.032),
                    new Source(2, PYTHON, "Python 3.11", "library/functools.html", "functools.lru_cache",
                            "library/functools.html#functools.lru_cache",
                            "Decorator to wrap a function with a memoizing callable.", 0.031));
    }

    @Test
    void onlyCitedPassagesAreKeptAsSourcesWithTheirNumbers() {
        List<Passage> passages = List.of(passage("c-1", "a", "one", 3), passage("c-2", "b", "two", 2),
                passage("c-3", "c", "three", 1));

        assertThat(Citations.cited(passages, List.of(1, 3))).extracting(Source::n, Source::snippet)
            .containsExactly(tuple(1, "one"), tuple(3, "three"));
        assertThat(Citations.cited(passages, List.of())).isEmpty();
    }

    @Test
    void snippetsAreTheOpeningOnOneLineCutAtAWord() {
        String text = """
                The functools module is for higher-order functions: functions that act on or return other
                functions. In general, any callable object can be treated as a function for the purposes of
                this module. The functools module defines the following functions, which are commonly used as
                decorators and to build new callables from existing ones, such as partial objects.""";

        String snippet = Citations.snippet(text);

        assertThat(snippet).hasSizeLessThanOrEqualTo(Citations.SNIPPET_CHARS).endsWith("…").doesNotContain("\n");
        assertThat(text.replaceAll("\\s+", " ")).startsWith(snippet.substring(0, snippet.length() - 1));
        assertThat(snippet.charAt(snippet.length() - 2)).isNotEqualTo(' ');
        assertThat(text.replaceAll("\\s+", " ").charAt(snippet.length() - 1)).isEqualTo(' ');
        assertThat(Citations.snippet("  Short   text. ")).isEqualTo("Short text.");
    }

    private static Passage passage(String chunkId, String section, String text, double score) {
        return new Passage(chunkId, PYTHON, "Python 3.11", "library/functools.html",
                "functools — Higher-order functions", section, "library/functools.html#" + section, text, score);
    }

}
