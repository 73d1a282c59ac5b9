package dev.docent.assistant.extractive;

import dev.docent.assistant.extractive.PassageText.Code;
import dev.docent.assistant.extractive.PassageText.Piece;
import dev.docent.assistant.extractive.PassageText.Sentence;
import dev.docent.assistant.extractive.PassageText.Table;
import java.util.Set;

/**
 * A sentence or code block of a passage: what its text says ({@code terms}, and those
 * seen only inside identifiers), how it sits in the passage, and, once the question is
 * read against all units, its score.
 *
 * @param passage the passage's index, best first
 * @param position the unit's place in its passage
 * @param fragment a sentence the chunker cut
 * @param leadsIntoCode a sentence that code follows
 * @param showable code short enough to show (sentences always are)
 * @param score null until scored
 */
record Unit(int passage, int position, Piece piece, Set<String> terms, Set<String> onlyInNames, boolean fragment,
        boolean leadsIntoCode, boolean showable, Score score) {

    /**
     * How well the unit answers the question.
     *
     * @param coverage the share of the question's weight the unit and the words around it
     * hold
     * @param ownCoverage the share the unit itself holds
     * @param value the coverage, weighed by the unit's quality, plus the passage's rank
     * and headings
     * @param content the value without the rank: what the unit's own words are worth
     * @param enough holds enough distinct question words to be about the question
     * @param semantic the embedding model's closeness of the sentence and the question (0
     * when not measured)
     */
    record Score(double coverage, double ownCoverage, double value, double content, boolean enough, double semantic) {
    }

    Unit scored(Score score) {
        return new Unit(passage, position, piece, terms, onlyInNames, fragment, leadsIntoCode, showable, score);
    }

    boolean sentence() {
        return piece instanceof Sentence;
    }

    boolean code() {
        return piece instanceof Code;
    }

    boolean table() {
        return piece instanceof Table;
    }

    String text() {
        return piece.text();
    }

    int words() {
        return piece.text().split("\\s+").length;
    }

    double coverage() {
        return score.coverage();
    }

    double ownCoverage() {
        return score.ownCoverage();
    }

    double value() {
        return score.value();
    }

    double semantic() {
        return score.semantic();
    }

    double content() {
        return score.content();
    }

    /** A lone signature: it names what the sentences after it document. */
    boolean signature() {
        return code() && PassageText.isSignature(piece.text());
    }
}
