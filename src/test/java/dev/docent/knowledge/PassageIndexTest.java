package dev.docent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassageIndexTest {

    private static final String FUNCTOOLS = "library/functools.html";
    private static final String DATA_STRUCTURES = "tutorial/datastructures.html";

    private static final List<Chunk> PYTHON = List.of(
            new Chunk(FUNCTOOLS, "functools — Higher-order functions", "@functools.lru_cache",
                    FUNCTOOLS + "#functools.lru_cache", 0,
                    "Decorator to wrap a function with a memoizing callable that saves up to the maxsize most recent"
                            + " calls. The lru_cache can save time when an expensive or I/O bound function is"
                            + " periodically called with the same arguments, because cached results are returned."),
            new Chunk(FUNCTOOLS, "functools — Higher-order functions", "functools.partial",
                    FUNCTOOLS + "#functools.partial", 1,
                    "Return a new partial object which when called will behave like the function called with the"
                            + " positional arguments and keyword arguments given. It freezes some arguments."),
            new Chunk(DATA_STRUCTURES, "Data Structures", "List Comprehensions",
                    DATA_STRUCTURES + "#list-comprehensions", 0,
                    "List comprehensions provide a concise way to create lists, for example to make new lists where"
                            + " each element is the result of some operations applied to each member of another"
                            + " sequence, or to create a subsequence of those elements that satisfy a condition."),
            new Chunk(DATA_STRUCTURES, "Data Structures", "More on Lists",
                    DATA_STRUCTURES + "#more-on-lists", 1,
                    "The list data type has some more methods: append adds an item to the end of the list, pop"
                            + " removes the item at the given position and returns it, and sort sorts it in place."));

    private static final List<Chunk> DJANGO = List.of(
            new Chunk("topics/db/queries.html", "Making queries", "Retrieving specific objects with filters",
                    "topics/db/queries.html#retrieving-specific-objects-with-filters", 0,
                    "To retrieve a subset of objects, refine the initial QuerySet by adding filter conditions."
                            + " filter(**kwargs) returns a new QuerySet containing objects that match the given"
                            + " lookup parameters; exclude(**kwargs) returns those that do not match."),
            new Chunk("ref/models/querysets.html", "QuerySet API reference", "order_by()",
                    "ref/models/querysets.html#order-by", 0,
                    "By default, results returned by a QuerySet are ordered by the ordering tuple given by the"
                            + " ordering option in the model's Meta. You can override this with order_by."));

    @TempDir
    Path directory;

    private PassageIndex index;

    @BeforeEach
    void openIndex() {
        index = new PassageIndex(directory);
        index.add("python", PYTHON);
        index.add("django", DJANGO);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Test
    void thePassageThatAnswersTheQuestionComesFirst() {
        assertThat(topUrl("How can I cache the results of an expensive function?"))
                .isEqualTo(FUNCTOOLS + "#functools.lru_cache");
        assertThat(topUrl("How do I filter a QuerySet?"))
                .isEqualTo("topics/db/queries.html#retrieving-specific-objects-with-filters");
        assertThat(topUrl("concise way to create a list from another sequence"))
                .isEqualTo(DATA_STRUCTURES + "#list-comprehensions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "section"})
    void aMatchInAHeadingOutranksTheSameMatchInTheText(String heading) {
        index.add("guide", List.of(
                new Chunk("a.html", "Guide", "Overview", "a.html", 0,
                        "Generators build iterators from functions that yield values lazily."),
                new Chunk("b.html", heading.equals("title") ? "Generators" : "Guide",
                        heading.equals("section") ? "Generators" : "Overview", "b.html", 0,
                        "Functions that yield values lazily, one at a time, build iterators.")));

        assertThat(index.search("generators", "guide", 2)).extracting(PassageIndex.Hit::pagePath)
                .containsExactly("b.html", "a.html");
    }

    @Test
    void theDocumentFilterKeepsOnlyThatDocumentsPassages() {
        String question = "results returned";

        assertThat(index.search(question, null, 10)).extracting(PassageIndex.Hit::documentId)
                .contains("python", "django");
        assertThat(index.search(question, "django", 10)).isNotEmpty()
                .extracting(PassageIndex.Hit::documentId).containsOnly("django");
    }

    @Test
    void deletingADocumentRemovesAllItsPassages() {
        index.deleteDocument("python");

        assertThat(index.count()).isEqualTo(DJANGO.size());
        assertThat(index.search("list comprehensions lru_cache partial", null, 10)).isEmpty();
    }

    @Test
    void deletingAPageRemovesOnlyThatPage() {
        index.deletePage("python", FUNCTOOLS);

        assertThat(index.count()).isEqualTo(PYTHON.size() + DJANGO.size() - 2);
        assertThat(index.search("lru_cache partial", null, 10)).isEmpty();
        assertThat(index.search("list comprehensions", "python", 10)).isNotEmpty();
    }

    @Test
    void aDocumentCanBeAddedAgainAfterItWasDeleted() {
        index.deleteDocument("python");
        index.add("python", PYTHON);

        assertThat(index.count()).isEqualTo(PYTHON.size() + DJANGO.size());
        assertThat(topUrl("lru_cache")).isEqualTo(FUNCTOOLS + "#functools.lru_cache");
    }

    @Test
    void addingTheSamePassagesAgainReplacesThem() {
        index.add("python", PYTHON);

        assertThat(index.count()).isEqualTo(PYTHON.size() + DJANGO.size());
    }

    @Test
    void aHitCarriesWhatACitationNeeds() {
        PassageIndex.Hit hit = index.search("partial object", "python", 1).getFirst();

        assertThat(hit.passageId()).isEqualTo("python/" + FUNCTOOLS + "#1");
        assertThat(hit.documentId()).isEqualTo("python");
        assertThat(hit.pagePath()).isEqualTo(FUNCTOOLS);
        assertThat(hit.section()).isEqualTo("functools.partial");
        assertThat(hit.url()).isEqualTo(FUNCTOOLS + "#functools.partial");
        assertThat(hit.text()).isEqualTo(PYTHON.get(1).text());
        assertThat(hit.score()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lru_cache(", "section: lru_cache", "\"lru_cache", "lru_cache^2 OR", "lru_cache*?~",
            "[lru_cache}", "\\lru_cache /", "+lru_cache -", "lru_cache && || !"})
    void queryOperatorsInTheQuestionAreJustText(String question) {
        assertThat(topUrl(question)).isEqualTo(FUNCTOOLS + "#functools.lru_cache");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "the", "(", "AND OR NOT", "*", ":", "a:b", "foo("})
    void aQuestionWithNothingToSearchFindsNothing(String question) {
        assertThatNoException().isThrownBy(() -> assertThat(index.search(question, null, 5)).isEmpty());
    }

    @Test
    void passagesSurviveReopeningTheIndex() {
        index.close();
        index = new PassageIndex(directory);

        assertThat(index.count()).isEqualTo(PYTHON.size() + DJANGO.size());
    }

    private String topUrl(String question) {
        return index.search(question, null, 5).getFirst().url();
    }
}
