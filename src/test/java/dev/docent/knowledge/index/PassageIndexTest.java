package dev.docent.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.chunk.Chunk;
import dev.docent.knowledge.store.IndexedPassage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassageIndexTest {

    private static final String FUNCTOOLS = "library/functools.html";

    private static final String DATA_STRUCTURES = "tutorial/datastructures.html";

    private static final UUID PYTHON_ID = UUID.fromString("00000000-0000-7000-8000-000000000001");

    private static final UUID DJANGO_ID = UUID.fromString("00000000-0000-7000-8000-000000000002");

    private static final UUID GUIDE_ID = UUID.fromString("00000000-0000-7000-8000-000000000003");

    private static final String MODEL = "test-model";

    /**
     * Four-dimensional vectors that point where the test says: caching, partial, lists,
     * queries.
     */
    private static final float[] CACHING = { 1, 0, 0, 0 };

    private static final float[] PARTIAL = { 0, 1, 0, 0 };

    private static final float[] LISTS = { 0, 0, 1, 0 };

    private static final float[] QUERIES = { 0, 0, 0, 1 };

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
            new Chunk(DATA_STRUCTURES, "Data Structures", "More on Lists", DATA_STRUCTURES + "#more-on-lists", 1,
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
        index.replaceDocument(PYTHON_ID, 1, passages(PYTHON_ID, PYTHON, CACHING, PARTIAL, LISTS, LISTS), MODEL);
        index.replaceDocument(DJANGO_ID, 1, passages(DJANGO_ID, DJANGO, QUERIES, QUERIES), MODEL);
    }

    private static List<IndexedPassage> passages(UUID document, List<Chunk> chunks, float[]... vectors) {
        List<IndexedPassage> passages = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            passages
                .add(new IndexedPassage(new UUID(document.getLeastSignificantBits(), i), document, "Docs " + document,
                        chunk.pagePath(), chunk.pageTitle(), chunk.section(), chunk.url(), chunk.text(), vectors[i]));
        }
        return passages;
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
    @ValueSource(strings = { "title", "section" })
    void aMatchInAHeadingOutranksTheSameMatchInTheText(String heading) {
        // Passages as long as real ones: a heading is short, so BM25 scores a match there
        // above one in the text.
        String more = " The sections below describe each of them in turn, with examples of where they help, what they"
                + " cost, and which of the alternatives to prefer when the data is large or arrives over time.";
        index.replaceDocument(GUIDE_ID, 1,
                passages(GUIDE_ID,
                        List.of(new Chunk("a.html", "Guide", "Overview", "a.html", 0,
                                "Generators build iterators from functions that yield values lazily." + more),
                                new Chunk("b.html", heading.equals("title") ? "Generators" : "Guide",
                                        heading.equals("section") ? "Generators" : "Overview", "b.html", 0,
                                        "Functions that yield values lazily, one at a time, build iterators." + more)),
                        LISTS, LISTS),
                MODEL);

        assertThat(index.keywordSearch("generators", GUIDE_ID, 2)).extracting(Passage::page)
            .containsExactly("b.html", "a.html");
    }

    @Test
    void theDocumentFilterKeepsOnlyThatDocumentsPassages() {
        String question = "results returned";

        assertThat(index.keywordSearch(question, null, 10)).extracting(Passage::documentId)
            .contains(PYTHON_ID, DJANGO_ID);
        assertThat(index.keywordSearch(question, DJANGO_ID, 10)).isNotEmpty()
            .extracting(Passage::documentId)
            .containsOnly(DJANGO_ID);
    }

    @Test
    void vectorSearchFindsTheNearestPassagesFirst() {
        assertThat(index.vectorSearch(new float[] { 0.9f, 0.4f, 0, 0 }, null, 2)).extracting(Passage::section)
            .containsExactly("@functools.lru_cache", "functools.partial");
    }

    @Test
    void vectorSearchKeepsToTheDocument() {
        assertThat(index.vectorSearch(CACHING, DJANGO_ID, 10)).hasSize(DJANGO.size())
            .extracting(Passage::documentId)
            .containsOnly(DJANGO_ID);
    }

    @Test
    void deletingADocumentRemovesAllItsPassagesAndItsRevision() {
        index.deleteDocument(PYTHON_ID);

        assertThat(index.count()).isEqualTo(DJANGO.size());
        assertThat(index.keywordSearch("list comprehensions lru_cache partial", null, 10)).isEmpty();
        assertThat(index.revisions()).containsOnlyKeys(DJANGO_ID);
    }

    @Test
    void replacingADocumentDropsItsOldPassagesAndRecordsTheRevision() {
        index.replaceDocument(PYTHON_ID, 2, passages(PYTHON_ID, PYTHON.subList(0, 1), CACHING), MODEL);

        assertThat(index.count()).isEqualTo(1 + DJANGO.size());
        assertThat(index.keywordSearch("partial object", PYTHON_ID, 10)).isEmpty();
        assertThat(index.revisions()).isEqualTo(Map.of(PYTHON_ID, 2L, DJANGO_ID, 1L));
    }

    @Test
    void aHitCarriesWhatACitationNeeds() {
        Passage hit = index.keywordSearch("partial object", PYTHON_ID, 1).getFirst();

        assertThat(hit.chunkId()).isEqualTo(new UUID(PYTHON_ID.getLeastSignificantBits(), 1).toString());
        assertThat(hit.documentId()).isEqualTo(PYTHON_ID);
        assertThat(hit.documentTitle()).isEqualTo("Docs " + PYTHON_ID);
        assertThat(hit.page()).isEqualTo(FUNCTOOLS);
        assertThat(hit.pageTitle()).isEqualTo("functools — Higher-order functions");
        assertThat(hit.section()).isEqualTo("functools.partial");
        assertThat(hit.url()).isEqualTo(FUNCTOOLS + "#functools.partial");
        assertThat(hit.text()).isEqualTo(PYTHON.get(1).text());
        assertThat(hit.score()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = { "lru_cache(", "section: lru_cache", "\"lru_cache", "lru_cache^2 OR", "lru_cache*?~",
            "[lru_cache}", "\\lru_cache /", "+lru_cache -", "lru_cache && || !" })
    void queryOperatorsInTheQuestionAreJustText(String question) {
        assertThat(topUrl(question)).isEqualTo(FUNCTOOLS + "#functools.lru_cache");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "the", "(", "AND OR NOT", "*", ":", "a:b", "foo(" })
    void aQuestionWithNothingToSearchFindsNothing(String question) {
        assertThatNoException().isThrownBy(() -> assertThat(index.keywordSearch(question, null, 5)).isEmpty());
    }

    @Test
    void passagesModelAndRevisionsSurviveReopeningTheIndex() {
        index.close();
        index = new PassageIndex(directory);

        assertThat(index.count()).isEqualTo(PYTHON.size() + DJANGO.size());
        assertThat(index.model()).contains(MODEL);
        assertThat(index.revisions()).isEqualTo(Map.of(PYTHON_ID, 1L, DJANGO_ID, 1L));
    }

    @Test
    void anIndexAnalyzedAnotherWayIsEmptiedWhenOpenedSoThatItIsRebuilt() throws Exception {
        index.close();
        try (FSDirectory files = FSDirectory.open(directory);
                IndexWriter writer = new IndexWriter(files, new IndexWriterConfig())) {
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            data.remove("analysis");
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }

        index = new PassageIndex(directory);

        assertThat(index.count()).isZero();
        assertThat(index.revisions()).isEmpty();
        assertThat(index.model()).isEmpty();
    }

    @Test
    void anIdentifierIsFoundByItsNameAndByItsParts() {
        index.replaceDocument(GUIDE_ID, 1,
                passages(GUIDE_ID, List.of(
                        new Chunk("builtins.html", "Built-in template tags", "for", "builtins.html#for", 0,
                                "The loop sets variables: forloop.counter is the current iteration, counting from 1."),
                        new Chunk("loops.html", "Templates", "Loops", "loops.html", 0,
                                "A template can loop over a list with the for tag and show each item in turn.")),
                        LISTS, LISTS),
                MODEL);

        for (String question : List.of("forloop.counter", "counter")) {
            assertThat(index.keywordSearch(question, GUIDE_ID, 2).getFirst().page()).isEqualTo("builtins.html");
        }
    }

    @Test
    void aNameInAKoreanQuestionIsSearchable() {
        index.replaceDocument(GUIDE_ID, 1,
                passages(GUIDE_ID,
                        List.of(new Chunk("controlflow.html", "More Control Flow Tools", "Lambda Expressions",
                                "controlflow.html#lambda-expressions", 0,
                                "Small anonymous functions can be created with the lambda keyword.")),
                        LISTS),
                MODEL);

        assertThat(index.keywordSearch("파이썬에서 lambda는 뭐고 언제 쓰는 거예요?", GUIDE_ID, 1)).extracting(Passage::page)
            .containsExactly("controlflow.html");
    }

    @Test
    void aWordInTitleHeadingAndTextCountsOnceNotThrice() {
        index.replaceDocument(GUIDE_ID, 1, passages(GUIDE_ID, List.of(
                new Chunk("keys.html", "Keys", "Keys", "keys.html", 0, "Keys open locks; a ring holds several keys."),
                new Chunk("datastructures.html", "Data Structures", "Dictionaries", "datastructures.html", 0,
                        "Another useful data type built into Python is the dictionary. Unlike sequences, which are"
                                + " indexed by a range of numbers, dictionaries are indexed by keys, which can be any"
                                + " immutable type; strings and numbers can always be keys. Performing list(d) on a"
                                + " dictionary returns a list of all the keys used in the dictionary, in insertion"
                                + " order. To check whether a single key is in the dictionary, use the in keyword.")),
                LISTS, LISTS), MODEL);

        assertThat(index.keywordSearch("How do I check if a dictionary already has a certain key?", GUIDE_ID, 2))
            .extracting(Passage::page)
            .containsExactly("datastructures.html", "keys.html");
    }

    @Test
    void questionWordsDoNotMatchAHeadingThatAsksAQuestion() {
        index.replaceDocument(GUIDE_ID, 1,
                passages(GUIDE_ID,
                        List.of(new Chunk("faq.html", "FAQ", "How do I…?", "faq.html", 0,
                                "Answers to questions people often ask about widgets and their options."),
                                new Chunk("paths.html", "Paths", "Suffixes", "paths.html", 0,
                                        "The suffix property gives the file extension of a path, such as .txt.")),
                        LISTS, LISTS),
                MODEL);

        assertThat(index.keywordSearch("How do I get the extension of a file?", GUIDE_ID, 2)).extracting(Passage::page)
            .containsExactly("paths.html");
    }

    @Test
    void clearingForgetsPassagesModelAndRevisions() {
        index.clear();

        assertThat(index.count()).isZero();
        assertThat(index.model()).isEmpty();
        assertThat(index.revisions()).isEmpty();
    }

    private String topUrl(String question) {
        return index.keywordSearch(question, null, 5).getFirst().url();
    }

}
