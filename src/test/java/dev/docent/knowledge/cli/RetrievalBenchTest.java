package dev.docent.knowledge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.parse.Section;
import dev.docent.knowledge.store.IndexedPassage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pieces of the retrieval benchmark (bench/retrieval.sh) that decide what is asked
 * and what is reported.
 */
class RetrievalBenchTest {

    private static final UUID PYTHON = UUID.randomUUID();

    private static final UUID DJANGO = UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void aQuestionTakesOneOfFourShapesFromItsPassagesHeadingAndFirstSentence() {
        IndexedPassage passage = passage(PYTHON, "4.2. for Statements¶",
                "The for statement in Python differs from what you may be used to in C. It iterates.");

        assertThat(IntStream.range(0, 4).mapToObj(shape -> BenchQuestions.question("python", passage, shape)))
            .containsExactly("What is for Statements?", "How do I use for Statements in Python?",
                    "The for statement in Python differs from what you may be used to in C?",
                    "I read that the for statement in Python differs from what you may be used to in C"
                            + " - what does for Statements mean here?");
    }

    @Test
    void aPassageWithNoSentenceToQuoteIsAskedAboutByItsHeadingAndLongSentencesAreCut() {
        IndexedPassage shortOne = passage(PYTHON, "", "See below. Or above.");
        IndexedPassage noted = passage(PYTHON, "Paths", "New in version 3.4. The module offers classes for paths.");
        IndexedPassage longOne = passage(PYTHON, "Queries", "one two three four five six seven eight nine ten "
                + "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen");

        assertThat(BenchQuestions.question("python", shortOne, 2)).isEqualTo("What is Page?");
        assertThat(BenchQuestions.question("python", shortOne, 3)).isEqualTo("How do I use Page in Python?");
        assertThat(BenchQuestions.question("python", noted, 2)).isEqualTo("The module offers classes for paths?");
        assertThat(BenchQuestions.question("python", longOne, 2)).isEqualTo(
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen?");
    }

    @Test
    void theSameSeedAsksTheSameDistinctQuestionsSharedByCorpusSize() {
        Map<String, List<IndexedPassage>> passages = new LinkedHashMap<>();
        passages.put("python", passages(PYTHON, 60));
        passages.put("django", passages(DJANGO, 20));

        List<BenchQuestions.Question> questions = BenchQuestions.generated(passages, 40, 7);

        assertThat(BenchQuestions.generated(passages, 40, 7)).isEqualTo(questions);
        assertThat(BenchQuestions.generated(passages, 40, 8)).isNotEqualTo(questions);
        assertThat(questions).extracting(BenchQuestions.Question::text).doesNotHaveDuplicates();
        assertThat(questions).filteredOn(question -> question.documentId().equals(PYTHON)).hasSize(30);
        assertThat(questions).filteredOn(question -> question.documentId().equals(DJANGO)).hasSize(10);
        assertThat(questions).allSatisfy(question -> assertThat(question.history()).isEmpty());
    }

    @Test
    void theDevSetGivesItsQuestionsWithTheirHistoryForTheCorporaIngested() throws IOException {
        Path devset = dir.resolve("devset.jsonl");
        Files.writeString(devset, """
                {"id": "a", "question": "how do I strip a line?", "corpus": "python", "history": []}

                {"id": "b", "question": "and in a template?", "corpus": "django", "history": ["what is a filter?"]}
                {"id": "c", "question": "what is a gem?", "corpus": "ruby", "history": []}
                """);

        List<BenchQuestions.Question> questions = BenchQuestions.devset(devset,
                Map.of("python", PYTHON, "django", DJANGO), JsonMapper.builder().build());

        assertThat(questions).containsExactly(new BenchQuestions.Question("how do I strip a line?", List.of(), PYTHON),
                new BenchQuestions.Question("and in a template?", List.of("what is a filter?"), DJANGO));
        assertThat(BenchQuestions.devset(dir.resolve("missing.jsonl"), Map.of("python", PYTHON),
                JsonMapper.builder().build()))
            .isEmpty();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] nanos = IntStream.rangeClosed(1, 200).mapToLong(ms -> (201 - ms) * 1_000_000L).toArray();

        RetrievalBench.Latencies latencies = new RetrievalBench.Latencies("hybrid", nanos);

        assertThat(latencies.percentileMs(50)).isEqualTo(100.0);
        assertThat(latencies.percentileMs(99)).isEqualTo(198.0);
        assertThat(latencies.percentileMs(100)).isEqualTo(200.0);
        assertThat(latencies.meanMs()).isEqualTo(100.5);
        assertThat(new RetrievalBench.Latencies("one", new long[] { 3_000_000 }).percentileMs(99)).isEqualTo(3.0);
    }

    private static List<IndexedPassage> passages(UUID document, int count) {
        List<IndexedPassage> passages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            passages.add(passage(document, "Section " + i,
                    "Passage number " + i + " explains topic " + i + " in some detail."));
        }
        return passages;
    }

    private static IndexedPassage passage(UUID document, String section, String text) {
        return new IndexedPassage(UUID.randomUUID(), document, "Docs", "page.html", "Page", section, "page.html#s",
                text, new float[] { 1 });
    }

}
