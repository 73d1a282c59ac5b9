package dev.docent.assistant.pagechoice;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieved;
import dev.docent.shared.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of the best pages an offline answer is read from first. Retrieval ranks a page by
 * its best ~300-word passage, in which the sentence that answers is one among many; the
 * page whose single sentence comes closest to the question is often the one that answers
 * ("is" and "==" under <i>Comparisons</i> rather than <i>Logical operators</i> of
 * ipaddress). The first {@value #PAGES} pages, those whose further passages are read too,
 * are reordered by their closest sentence less the share of the best page's retrieval
 * score they fall short by: a page found nearly as well may overtake with a closer
 * sentence, one found clearly worse (pickletools beside pickle, 28 % short) needs a far
 * closer one. The rest keep their places.
 */
public final class PageChoice {

    /** How close each sentence is to the question, higher is closer (cosine). */
    @FunctionalInterface
    public interface Similarity {

        double[] of(String question, List<String> sentences);

    }

    static final int PAGES = 3;

    static final int MIN_SENTENCE_CHARS = 20;

    static final int MAX_SENTENCE_CHARS = 500;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+|\\n+");

    private PageChoice() {
    }

    /**
     * The same passages with the best pages reordered; unchanged when there is no choice.
     */
    public static Retrieved reorder(String question, Retrieved retrieved, Similarity similarity) {
        List<Passage> pages = retrieved.passages();
        int choosing = (int) Math.min(PAGES, pages.stream().filter(page -> firstOfItsPage(page, pages)).count());
        if (choosing < 2 || pages.stream().limit(choosing).anyMatch(page -> !firstOfItsPage(page, pages))) {
            return retrieved;
        }
        List<Passage> read = retrieved.byPage();
        String asked = inEnglish(question, retrieved);
        double best = pages.getFirst().score();
        double[] closeness = new double[choosing];
        for (int rank = 0; rank < choosing; rank++) {
            Passage page = pages.get(rank);
            closeness[rank] = closest(asked, sentences(read.stream().filter(page::samePage).toList()), similarity)
                    - shortfall(page.score(), best);
        }
        List<Passage> reordered = new ArrayList<>(pages.subList(0, choosing));
        reordered.sort(Comparator.comparingDouble(page -> -closeness[pages.indexOf(page)]));
        reordered.addAll(pages.subList(choosing, pages.size()));
        return new Retrieved(retrieved.searchedAs(), retrieved.queries(), reordered, retrieved.furtherOnTopPages());
    }

    /**
     * The question as the embedding model, trained on English, reads it best: a question
     * in another language by the English it was also searched as (the glossary's
     * rendering, the model's rewrites).
     */
    public static String inEnglish(String question, Retrieved retrieved) {
        if (Terms.isLikelyEnglish(question) || retrieved.queries().size() < 2) {
            return question;
        }
        return String.join(" ", retrieved.queries().subList(1, retrieved.queries().size()));
    }

    /** The share of the best retrieval score a page's falls short by, 0 to 1. */
    static double shortfall(double score, double best) {
        return best > 0 ? Math.clamp(1 - score / best, 0, 1) : 0;
    }

    /** The sentences of a page's passages long enough to say something, in order. */
    static List<String> sentences(List<Passage> passages) {
        List<String> sentences = new ArrayList<>();
        for (Passage passage : passages) {
            for (String sentence : SENTENCE_END.split(passage.text())) {
                String trimmed = sentence.strip();
                if (trimmed.length() >= MIN_SENTENCE_CHARS && trimmed.length() <= MAX_SENTENCE_CHARS) {
                    sentences.add(trimmed);
                }
            }
        }
        return sentences;
    }

    private static double closest(String question, List<String> sentences, Similarity similarity) {
        if (sentences.isEmpty()) {
            return 0;
        }
        double closest = Double.NEGATIVE_INFINITY;
        for (double value : similarity.of(question, sentences)) {
            closest = Math.max(closest, value);
        }
        return closest;
    }

    private static boolean firstOfItsPage(Passage passage, List<Passage> passages) {
        return passages.stream().filter(passage::samePage).findFirst().orElseThrow() == passage;
    }

}
