package dev.docent.knowledge.cli;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieval;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Scores retrieval at page level: a question is answered at rank r when the r-th passage
 * retrieved comes from one of its gold pages. Reports recall@5 and MRR@10, overall and
 * per language, with the time each retrieval took.
 */
final class RetrievalEval {

    static final int RECALL_AT = 5;
    static final int MRR_AT = 10;

    record Question(String id, String text, String lang, String corpus, List<String> gold, List<String> history) {
    }

    /**
     * Per group (all, en, ko…): how many questions, and their summed hits and reciprocal
     * ranks.
     */
    record Scores(Map<String, double[]> groups, long[] nanos) {

        String table() {
            StringBuilder table = new StringBuilder(
                    String.format(Locale.ROOT, "%-8s %5s %10s %8s%n", "", "n", "recall@" + RECALL_AT, "MRR@" + MRR_AT));
            groups.forEach((group, sums) -> table.append(String.format(Locale.ROOT, "%-8s %5d %10.2f %8.2f%n", group,
                    (int) sums[0], sums[1] / sums[0], sums[2] / sums[0])));
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            if (sorted.length > 0) {
                table.append(String.format(Locale.ROOT, "retrieval latency: p50 %.1f ms, max %.1f ms%n",
                        sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6));
            }
            return table.toString();
        }
    }

    private final Retrieval retrieval;

    private final Map<String, UUID> documents;

    /**
     * @param documents the document id of each corpus
     */
    RetrievalEval(Retrieval retrieval, Map<String, UUID> documents) {
        this.retrieval = retrieval;
        this.documents = documents;
    }

    /**
     * Retrieval is timed on a second pass over the questions: the first loads the
     * embedding model and warms the JIT and the index, as they are in a server that has
     * answered a few questions.
     * @param log where to print each question's rank, or null
     */
    Scores run(List<Question> questions, PrintStream log) {
        questions.forEach(this::retrieve);
        Map<String, double[]> groups = new LinkedHashMap<>();
        long[] nanos = new long[questions.size()];
        int i = 0;
        for (Question question : questions) {
            long started = System.nanoTime();
            List<Passage> passages = retrieve(question);
            nanos[i] = System.nanoTime() - started;
            int rank = firstGoldRank(passages, question.gold());
            for (String group : List.of("all", question.lang())) {
                double[] sums = groups.computeIfAbsent(group, ignored -> new double[3]);
                sums[0]++;
                sums[1] += rank > 0 && rank <= RECALL_AT ? 1 : 0;
                sums[2] += rank > 0 ? 1.0 / rank : 0;
            }
            if (log != null) {
                log.printf(Locale.ROOT, "%-10s %-3s rank %-4s %5.1f ms %s%n", question.id(), question.lang(),
                        rank > 0 ? Integer.toString(rank) : "-", nanos[i] / 1e6, pages(passages));
            }
            i++;
        }
        return new Scores(groups, nanos);
    }

    private List<Passage> retrieve(Question question) {
        return retrieval.forQuestion(question.text(), question.history(), documents.get(question.corpus()), MRR_AT)
            .passages();
    }

    /** The 1-based rank of the first passage from a gold page, 0 when none of them is. */
    static int firstGoldRank(List<Passage> passages, List<String> gold) {
        for (int rank = 1; rank <= Math.min(MRR_AT, passages.size()); rank++) {
            if (gold.contains(passages.get(rank - 1).page())) {
                return rank;
            }
        }
        return 0;
    }

    private static List<String> pages(List<Passage> passages) {
        List<String> pages = new ArrayList<>();
        passages.stream().limit(RECALL_AT).forEach(passage -> pages.add(passage.page()));
        return pages;
    }

}
