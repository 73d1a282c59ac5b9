package dev.docent.assistant.extractive;

import dev.docent.assistant.extractive.PassageText.Code;
import dev.docent.assistant.extractive.PassageText.Piece;
import dev.docent.assistant.extractive.PassageText.Sentence;
import dev.docent.assistant.extractive.PassageText.Table;
import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.knowledge.Passage;
import dev.docent.shared.text.Terms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the passages into units and scores each against the question: its coverage of the
 * question's weight (words around it counting half), times its quality, plus the
 * passage's rank and headings.
 */
final class Scoring {

    static final int MAX_CODE_LINES = 15;
    static final int MAX_CODE_CHARS = 700;

    private static final double RANK_WEIGHT = 0.5;

    private static final double HEADING_WEIGHT = 0.1;

    /**
     * How much the embedding model's closeness of a sentence to the question adds to its
     * words' worth: "Return a k length list of unique elements" answers "pick 3 different
     * elements with no repeats" without sharing its words. Weights 0.5 to 1.0 scored the
     * same on the answer dev set, 0.3 lower.
     */
    static final double SEMANTIC_WEIGHT = 0.65;

    /** The sentences of the first pages are measured: those the page choice compares. */
    private static final int SEMANTIC_PAGES = 3;

    private static final double CONTEXT_WEIGHT = 0.5;

    private static final double NAME_PART_WEIGHT = 0.5;

    private static final Pattern NAME = Pattern.compile("\\p{L}[_=(\\[.]|[_=)\\]]\\p{L}|^_");

    private static final Pattern IDENTIFIER_START = Pattern.compile("^(_|\\w+[_.(])");

    private Scoring() {
    }

    /**
     * @param passages what to read, in reading order
     * @param ranked those of {@code passages} retrieval ranked; the others are further
     * passages of their pages
     */
    static Reading read(String question, String searchedAs, List<Passage> passages, List<Passage> ranked,
            PageChoice.Similarity similarity) {
        List<Unit> units = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            units.addAll(units(p, passages.get(p).text()));
        }
        int[] pageRanks = ranks(passages, ranked);
        QuestionWeights weights = QuestionWeights.of(question, searchedAs, rankedOnly(units, passages, ranked));
        double[] semantic = semantic(question, units, pageRanks, similarity);
        List<Unit> scored = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            int passage = units.get(i).passage();
            scored.add(units.get(i)
                .scored(score(units, i, weights, passages.get(passage), pageRanks[passage], semantic[i])));
        }
        return new Reading(passages, question, Terms.isLikelyEnglish(question), List.copyOf(scored), weights);
    }

    private static List<Unit> units(int passage, String text) {
        List<Piece> pieces = PassageText.pieces(text);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            Set<String> terms = new HashSet<>(Terms.contentTerms(piece.text()));
            if (piece instanceof Code code) {
                units.add(new Unit(passage, i, piece, terms, Set.of(), false, false, isShort(code), null));
                continue;
            }
            if (piece instanceof Table) {
                units.add(new Unit(passage, i, piece, terms, Set.of(), false, false, true, null));
                continue;
            }
            String sentence = piece.text();
            if (Rendering.clean(sentence).isBlank()) {
                continue;
            }
            boolean cut = (i == 0 && (sentence.startsWith("…") || sentence.startsWith("...")
                    || Character.isLowerCase(sentence.charAt(0)) && !IDENTIFIER_START.matcher(sentence).find()))
                    || (i == pieces.size() - 1 && !sentence.matches("(?s).*[.!?:)\"”’]$"));
            boolean leadsIntoCode = i + 1 < pieces.size() && pieces.get(i + 1) instanceof Code;
            units.add(new Unit(passage, i, new Sentence(Rendering.clean(sentence)), terms, onlyInNames(sentence, terms),
                    cut, leadsIntoCode, true, null));
        }
        return units;
    }

    /**
     * Each passage's place for the rank bonus: a ranked passage its rank, a further one
     * the rank of its page's best, as retrieval ranked the page.
     */
    static int[] ranks(List<Passage> passages, List<Passage> ranked) {
        int[] ranks = new int[passages.size()];
        for (int p = 0; p < passages.size(); p++) {
            Passage passage = passages.get(p);
            int rank = ranked.indexOf(passage);
            for (int r = 0; rank < 0 && r < ranked.size(); r++) {
                rank = ranked.get(r).samePage(passage) ? r : -1;
            }
            ranks[p] = Math.max(rank, 0);
        }
        return ranks;
    }

    /**
     * The units of the ranked passages: the words' weights are read from these alone, so
     * that further passages add candidates without diluting the question's rarer words.
     */
    private static List<Unit> rankedOnly(List<Unit> units, List<Passage> passages, List<Passage> ranked) {
        return units.stream().filter(unit -> ranked.contains(passages.get(unit.passage()))).toList();
    }

    /**
     * The embedding model's closeness of each sentence of the best pages to the question;
     * 0 for the rest, and for all without a model to ask.
     */
    private static double[] semantic(String question, List<Unit> units, int[] pageRanks,
            PageChoice.Similarity similarity) {
        double[] semantic = new double[units.size()];
        if (similarity == null) {
            return semantic;
        }
        List<Integer> measured = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit.sentence() && pageRanks[unit.passage()] < SEMANTIC_PAGES) {
                measured.add(i);
                sentences.add(unit.text());
            }
        }
        if (!sentences.isEmpty()) {
            double[] closeness = similarity.of(question, sentences);
            for (int m = 0; m < measured.size(); m++) {
                semantic[measured.get(m)] = closeness[m];
            }
        }
        return semantic;
    }

    private static Unit.Score score(List<Unit> units, int index, QuestionWeights weights, Passage passage, int pageRank,
            double semantic) {
        Unit unit = units.get(index);
        double own = unit.piece() instanceof Table table ? bestRow(table, weights)
                : weights.weight(unit.terms()) - (1 - NAME_PART_WEIGHT) * weights.weight(unit.onlyInNames());
        Set<String> around = context(units, index);
        double context = weights.weight(QuestionWeights.without(around, unit.terms()));
        double coverage = weights.share(own + CONTEXT_WEIGHT * context);
        double heading = weights
            .weight(new HashSet<>(Terms.contentTerms(passage.section() + " " + passage.pageTitle())));
        double content = coverage * quality(units, index) + HEADING_WEIGHT * weights.share(heading)
                + SEMANTIC_WEIGHT * semantic;
        return new Unit.Score(coverage, weights.share(own), content + RANK_WEIGHT / (pageRank + 1), content,
                weights.matchesEnough(unit.terms(), around), semantic);
    }

    /**
     * A table answers with a row: its weight is that of the header and its best row, not
     * of every word in it. A header alone counts only for a table short enough to show
     * whole.
     */
    private static double bestRow(Table table, QuestionWeights weights) {
        Set<String> header = new HashSet<>(Terms.contentTerms(String.join(" ", table.header())));
        double best = table.body().size() <= Rendering.MAX_TABLE_ROWS ? weights.weight(header) : 0;
        for (List<String> row : table.body()) {
            Set<String> rowTerms = new HashSet<>(Terms.contentTerms(String.join(" ", row)));
            if (weights.weight(rowTerms) > 0) {
                rowTerms.addAll(header);
                best = Math.max(best, weights.weight(rowTerms));
            }
        }
        return best;
    }

    /**
     * The words around a unit that say what it is about: a code block's lead-in; a
     * sentence's short code after it, and the lone signature it documents (as on
     * reference pages).
     */
    private static Set<String> context(List<Unit> units, int index) {
        Unit unit = units.get(index);
        Set<String> context = new HashSet<>();
        if (unit.code()) {
            Unit before = Reading.neighbour(units, index, -1);
            if (before != null && before.sentence()) {
                context.addAll(before.terms());
            }
            return context;
        }
        Unit after = Reading.neighbour(units, index, 1);
        if (after != null && after.code() && after.showable()) {
            context.addAll(after.terms());
        }
        for (int i = index - 1; i >= 0 && units.get(i).passage() == unit.passage(); i--) {
            if (units.get(i).code()) {
                if (units.get(i).signature()) {
                    context.addAll(units.get(i).terms());
                }
                break;
            }
        }
        return context;
    }

    /**
     * The words of a sentence seen only inside identifiers: "field" in "field_names",
     * "value" in "name=value". Prose that uses the word says more about it than a name
     * that contains it.
     */
    private static Set<String> onlyInNames(String sentence, Set<String> terms) {
        Set<String> plain = new HashSet<>();
        for (String token : sentence.split("\\s+")) {
            String word = token.replaceAll("^[(\"“‘']+|[.,;:!?)\"”’']+$", "");
            if (!NAME.matcher(word).find()) {
                plain.addAll(Terms.contentTerms(word));
            }
        }
        return QuestionWeights.without(terms, plain);
    }

    /**
     * Code counts when it can be shown; a sentence loses for being cut by the chunker,
     * very short or very long, or a lead-in ("…like this:") to code too long to show.
     */
    private static double quality(List<Unit> units, int index) {
        Unit unit = units.get(index);
        if (unit.code()) {
            return unit.showable() ? 1 : 0;
        }
        if (unit.table()) {
            return 1;
        }
        double quality = 1;
        if (unit.fragment()) {
            quality *= 0.6;
        }
        int words = unit.words();
        if (words < 4) {
            quality *= 0.5;
        }
        else if (words > 60) {
            quality *= 0.8;
        }
        if (unit.text().endsWith(":") && !showableCodeAfter(units, index)) {
            quality *= 0.6;
        }
        return quality;
    }

    static boolean showableCodeAfter(List<Unit> units, int index) {
        Unit after = units.get(index).leadsIntoCode() ? Reading.neighbour(units, index, 1) : null;
        return after != null && after.showable();
    }

    private static boolean isShort(Code code) {
        return code.text().length() <= MAX_CODE_CHARS && code.text().lines().count() <= MAX_CODE_LINES;
    }

}
