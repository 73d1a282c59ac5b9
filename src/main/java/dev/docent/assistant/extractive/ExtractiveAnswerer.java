package dev.docent.assistant.extractive;

import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieved;
import java.util.List;

/**
 * The answer without a language model: the sentences of the retrieved passages that best
 * match the question, quoted in Markdown and cited {@code [n]}, with a short code example
 * when one fits; or, when nothing fits, saying so. {@link Scoring} reads and scores,
 * {@link Selection} picks, {@link Rendering} writes; the reasons are in
 * docs/decisions/0010-extractive-answers.md.
 */
public final class ExtractiveAnswerer {

    /** How far the documents were found to answer. */
    public enum Coverage {

        /** Sentences sharing the question's words, quoted and cited. */
        ANSWERED,
        /**
         * A non-English question sharing no words: the top passage offered as the closest
         * match, unverified.
         */
        CLOSEST,
        /** Nothing fit: said plainly, nothing cited. */
        NOT_COVERED

    }

    /**
     * The Markdown answer, the passages it cites, and how well it is covered. The text
     * numbers its citations {@code [1]..[k]} in the order cited; {@code cited.get(i)} is
     * the given passage (numbered from 1) that {@code [i + 1]} names, so no number is
     * skipped.
     */
    public record Answer(String text, List<Integer> cited, Coverage coverage) {

        /**
         * Words of an answer sent per token event, so it arrives the way a model's answer
         * does.
         */
        private static final int WORDS_PER_CHUNK = 3;

        public Answer {
            cited = List.copyOf(cited);
        }

        /** The text in the pieces to stream it in. */
        public List<String> chunks() {
            return Rendering.chunks(text, WORDS_PER_CHUNK);
        }
    }

    static final double STANDOUT = 1.3;

    /**
     * The closeness (cosine, by the in-process model) below which no sentence is offered
     * as the closest: a question about cooking over the Python docs came to 0.23 at best,
     * questions the docs answer to 0.6 and more.
     */
    static final double CLOSEST_FLOOR = 0.4;

    /**
     * The English sentence when nothing was retrieved ({@link Wording} has each
     * language's).
     */
    public static final String NOTHING_FOUND = Wording.ENGLISH.nothingFound();

    /** The English sentence when nothing retrieved answers. */
    public static final String NOT_COVERED = Wording.ENGLISH.notCovered();

    public static final String ASK_IN_ENGLISH = Wording.ENGLISH.askInEnglish();

    /**
     * The English heading of the links to the pages nearest to an unanswered question.
     */
    public static final String RELATED_PAGES = Wording.ENGLISH.relatedPages();

    private ExtractiveAnswerer() {
    }

    /**
     * @param passages best first; passage {@code i} is cited as {@code [i + 1]}
     */
    public static Answer answer(String question, List<Passage> passages) {
        return answer(question, question, passages);
    }

    /**
     * @param searchedAs the question as it was searched
     * ({@code QueryPlanner.standalone}): its words that the question lacks, borrowed from
     * earlier turns, count half
     * @param passages best first; passage {@code i} is cited as {@code [i + 1]}
     */
    public static Answer answer(String question, String searchedAs, List<Passage> passages) {
        return answer(question, searchedAs, passages, passages, null);
    }

    /**
     * @param retrieved what was retrieved; the answer cites into
     * {@link Retrieved#byPage()}: the ranked passages with the best pages' further ones
     */
    public static Answer answer(String question, Retrieved retrieved) {
        return answer(question, retrieved, null);
    }

    /**
     * @param similarity the embedding model's closeness of sentences to the question, or
     * null
     */
    public static Answer answer(String question, Retrieved retrieved, PageChoice.Similarity similarity) {
        PageChoice.Similarity inEnglish = similarity == null ? null
                : (asked, sentences) -> similarity.of(PageChoice.inEnglish(asked, retrieved), sentences);
        return answer(question, retrieved.searchedAs(), retrieved.byPage(), retrieved.passages(), inEnglish);
    }

    private static Answer answer(String question, String searchedAs, List<Passage> passages, List<Passage> ranked,
            PageChoice.Similarity similarity) {
        if (passages.isEmpty()) {
            return notCovered(Wording.of(question).nothingFound(), question);
        }
        Reading reading = Scoring.read(question, searchedAs, passages, ranked, similarity);
        List<Unit> picked = Selection.pick(reading);
        if (!picked.isEmpty()) {
            return Rendering.quoted(reading, picked);
        }
        if (!reading.english() && reading.sharesNothing() && standsOut(passages)) {
            if (farFromEverything(reading)) {
                return notCovered(Wording.of(question).notCovered(), question);
            }
            return Rendering.closest(reading);
        }
        return notCovered(Wording.of(question).notCovered(), question, passages);
    }

    private static Answer notCovered(String text, String question) {
        return new Answer(Wording.of(question).withAskInEnglish(text, question), List.of(), Coverage.NOT_COVERED);
    }

    /** Saying so, then offering the most related pages as links rather than quotes. */
    private static Answer notCovered(String text, String question, List<Passage> passages) {
        Answer said = notCovered(text, question);
        return new Answer(
                said.text() + "\n\n" + Wording.of(question).relatedPages() + "\n\n" + Rendering.relatedPages(passages),
                List.of(), Coverage.NOT_COVERED);
    }

    /**
     * Measured by the embedding model, and no sentence of the best pages came near the
     * question: an offer would be unrelated, and so would the pages it could link.
     */
    private static boolean farFromEverything(Reading reading) {
        double closest = reading.units().stream().mapToDouble(Unit::semantic).max().orElse(0);
        return closest > 0 && closest < CLOSEST_FLOOR;
    }

    /**
     * A passage that shares no words with the question is offered only when its retrieval
     * score stands out: at least {@value #STANDOUT} times the others' mean, or the only
     * one.
     */
    private static boolean standsOut(List<Passage> passages) {
        double top = passages.getFirst().score();
        if (passages.size() == 1) {
            return top > 0;
        }
        double othersMean = passages.stream().skip(1).mapToDouble(Passage::score).average().orElse(0);
        return top > 0 && top >= STANDOUT * othersMean;
    }

}
