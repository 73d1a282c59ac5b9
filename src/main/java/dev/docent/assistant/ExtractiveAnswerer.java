package dev.docent.assistant;

import dev.docent.assistant.PassageText.Code;
import dev.docent.assistant.PassageText.Piece;
import dev.docent.assistant.PassageText.Sentence;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The answer without a language model: the sentences of the retrieved passages that best match the
 * question, quoted in Markdown and cited {@code [n]}, with a short code example when one fits.
 *
 * <p>How sentences are chosen. The question's content words ({@link Terms}) are weighted by how rare they
 * are among the sentences and code blocks of the given passages (IDF), so "namedtuple" outweighs "value";
 * words borrowed from earlier turns to make a follow-up stand alone weigh half. A sentence's
 * <em>coverage</em> is the weight of the question words it holds over the weight of all of them; a word
 * seen only inside an identifier ("field" in {@code field_names}) counts half, and so do the words of the
 * API line the sentence documents (the lone signature it follows, as on reference pages) and of the code
 * block it introduces. A code block is read the same way, its lead-in counting half. The score adds a
 * bonus for the passage's rank and for question words in its section and page titles, and a penalty for
 * pieces cut by the chunker, very short or very long sentences, and lead-ins ("…like this:") to code too
 * long to show; a short lead-in without its example is never quoted.
 *
 * <p>Up to {@value #MAX_SENTENCES} sentences and one code block of at most {@value #MAX_CODE_LINES} lines
 * are taken, best first, from at most {@value #MAX_PASSAGES} passages. A unit is taken when it scores at
 * least half the top score (within the top unit's passage) or {@value #OTHER_PASSAGE_BAR} of it (in
 * others), or when it covers at least {@value #MIN_COVERAGE} of the question's weight that nothing taken
 * covers yet (the other half of a two-part question). Near-repeats are skipped (overlapping passages
 * repeat text). A sentence opening with "This", "It"… brings the one before it; a code block brings its
 * lead-in, and is only shown from the top passage or beside sentences of its own. When no code was taken,
 * the top passage's short example is added if it shares question words or is introduced by a colon;
 * examples are preferred to bare signatures. The answer groups the units by passage in rank order, in
 * their order within the passage, and cites each paragraph.
 *
 * <p>When it says it does not know. If nothing covers at least {@value #MIN_COVERAGE} of the question's
 * weight, or the best match shares a single word with a question of three or more, nothing is quoted:
 * the answer says the documents do not seem to cover the question and suggests rephrasing. Words of
 * another script than the documents' (a Korean question over English documentation) do not count against
 * them, and the question's numbers ("2024-03-05") count as one word they lack, not one each. A non-English
 * question that shares some words is answered from those, saying which words matched; one that shares
 * none cannot be checked at all, so the top passage is offered as the closest match, said to be
 * unverified, and only when its retrieval score stands out (at least {@value #STANDOUT} times the others'
 * mean, or the only one). Otherwise it says it found nothing: retrieval having returned passages is never,
 * alone, taken as evidence.
 */
final class ExtractiveAnswerer {

    /** How far the documents were found to answer. */
    enum Coverage {
        /** Sentences sharing the question's words, quoted and cited. */
        ANSWERED,
        /** A non-English question sharing no words: the top passage offered as the closest match, unverified. */
        CLOSEST,
        /** Nothing fit: said plainly, nothing cited. */
        NOT_COVERED
    }

    /** The Markdown answer, the passage numbers it cites (ascending), and how well it is covered. */
    record Answer(String text, List<Integer> cited, Coverage coverage) {

        Answer {
            cited = List.copyOf(cited);
        }
    }

    static final double MIN_COVERAGE = 0.2;
    static final int MAX_SENTENCES = 4;
    static final int MAX_PASSAGES = 3;
    static final double OTHER_PASSAGE_BAR = 0.7;
    static final int MAX_QUOTED_CHARS = 1200;
    static final int MAX_CODE_LINES = 15;
    static final int MAX_CODE_CHARS = 700;
    static final double STANDOUT = 1.3;

    static final String NOTHING_FOUND = """
            I could not find anything about this in the documentation. Try rephrasing the question, for \
            instance with the name of the function, module or setting you are asking about.""";
    static final String NOT_COVERED = """
            The documentation does not seem to cover this question: none of the passages I found says \
            anything about it. Try rephrasing it, for instance with the name of the function, module or \
            setting you are asking about.""";
    static final String ASK_IN_ENGLISH = " The documentation is in English, so asking in English may help too.";

    /**
     * The question's numbers ("2024-03-05", "7/2") count as one word the passages are taken not to have: they
     * are example values far more often than something to look up, and matching them is coincidence.
     */
    private static final String NUMBERS = "#numbers";
    private static final double SAME_PASSAGE_BAR = 0.5;
    private static final double BORROWED_WEIGHT = 0.5;
    private static final double RANK_WEIGHT = 0.1;
    private static final double HEADING_WEIGHT = 0.1;
    private static final double CONTEXT_WEIGHT = 0.5;
    private static final double NAME_PART_WEIGHT = 0.5;
    private static final Pattern NAME = Pattern.compile("\\p{L}[_=(\\[.]|[_=)\\]]\\p{L}|^_");
    private static final double REDUNDANT = 0.7;
    private static final int SHORT_LEAD_IN_WORDS = 8;
    private static final int CLOSEST_CHARS = 400;
    private static final Pattern FOOTNOTE = Pattern.compile("\\s\\[\\d{1,2}](?=[\\s.,;:!?]|$)");
    private static final Pattern LEANS_BACK = Pattern.compile(
            "^(This|These|That|Those|It|Its|They|Their|Such|Here|Otherwise|In this case|In that case)\\b");
    private static final Pattern IDENTIFIER_START = Pattern.compile("^(_|\\w+[_.(])");
    private static final Pattern PYTHON = Pattern.compile(
            "(?m)^(>>>|def |class |import |from \\S+ import |@\\w|for .+:$|if .+:$|print\\()");

    private ExtractiveAnswerer() {
    }

    /** @param passages best first; passage {@code i} is cited as {@code [i + 1]} */
    static Answer answer(String question, List<Passage> passages) {
        return answer(question, question, passages);
    }

    /**
     * @param searchedAs the question as it was searched ({@code QueryPlanner.standalone}): its words that the
     *                   question lacks, borrowed from earlier turns, count half
     * @param passages   best first; passage {@code i} is cited as {@code [i + 1]}
     */
    static Answer answer(String question, String searchedAs, List<Passage> passages) {
        if (passages.isEmpty()) {
            return notCovered(NOTHING_FOUND, question);
        }
        Reading reading = new Reading(question, searchedAs, passages);
        List<Unit> picked = reading.pick();
        if (!picked.isEmpty()) {
            return reading.render(picked);
        }
        if (!reading.english && reading.sharesNothing() && standsOut(passages)) {
            return closest(passages.getFirst());
        }
        return notCovered(NOT_COVERED, question);
    }

    private static Answer notCovered(String text, String question) {
        return new Answer(Terms.isLikelyEnglish(question) ? text : text + ASK_IN_ENGLISH, List.of(),
                Coverage.NOT_COVERED);
    }

    private static boolean standsOut(List<Passage> passages) {
        double top = passages.getFirst().score();
        if (passages.size() == 1) {
            return top > 0;
        }
        double othersMean = passages.stream().skip(1).mapToDouble(Passage::score).average().orElse(0);
        return top > 0 && top >= STANDOUT * othersMean;
    }

    private static Answer closest(Passage passage) {
        StringBuilder quote = new StringBuilder();
        for (Piece piece : PassageText.pieces(passage.text())) {
            if (piece instanceof Sentence sentence && quote.length() + sentence.text().length() <= CLOSEST_CHARS) {
                quote.append(quote.isEmpty() ? "" : " ").append(clean(sentence.text()));
            } else if (!quote.isEmpty()) {
                break;
            }
        }
        if (quote.isEmpty()) {
            quote.append(Citations.snippet(passage.text()));
        }
        String text = """
                I could not match the words of your question with the documentation, which is in English, so \
                I cannot tell whether it answers you. The closest passage I found is from *%s*:

                > %s

                Asking again in English, or with the names of the functions or modules involved, may find a \
                better match.""".formatted(where(passage), cite(quote.toString(), 1));
        return new Answer(text, List.of(1), Coverage.CLOSEST);
    }

    private static String where(Passage passage) {
        return passage.section() == null || passage.section().isBlank() ? passage.documentTitle()
                : passage.section() + " (" + passage.documentTitle() + ")";
    }

    /** A sentence or code block of a passage, with what the scoring needs to know about it. */
    private record Unit(int passage, int position, Piece piece, Set<String> terms, Set<String> onlyInNames,
            boolean fragment, boolean leadsIntoCode, boolean showable) {

        boolean sentence() {
            return piece instanceof Sentence;
        }

        boolean code() {
            return piece instanceof Code;
        }

        int words() {
            return piece.text().split("\\s+").length;
        }
    }

    /** The question read against one list of passages: every unit's coverage and score. */
    private static final class Reading {

        final List<Passage> passages;
        final String question;
        final boolean english;
        final List<Unit> units = new ArrayList<>();
        final Map<String, Double> weights = new LinkedHashMap<>();
        final Map<Unit, Double> coverage = new HashMap<>();
        final Map<Unit, Double> ownCoverage = new HashMap<>();
        final Map<Unit, Double> score = new HashMap<>();
        final Map<Unit, Boolean> enough = new HashMap<>();
        int ownTerms;
        double total;

        Reading(String question, String searchedAs, List<Passage> passages) {
            this.passages = passages;
            this.question = question;
            this.english = Terms.isLikelyEnglish(question);
            for (int p = 0; p < passages.size(); p++) {
                read(p, passages.get(p).text());
            }
            weigh(question, searchedAs);
            total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            for (int i = 0; i < units.size(); i++) {
                Unit unit = units.get(i);
                double own = weight(unit.terms()) - (1 - NAME_PART_WEIGHT) * weight(unit.onlyInNames());
                Set<String> around = context(i);
                double context = weight(without(around, unit.terms()));
                enough.put(unit, matchesEnough(unit, around));
                ownCoverage.put(unit, total == 0 ? 0 : own / total);
                coverage.put(unit, total == 0 ? 0 : (own + CONTEXT_WEIGHT * context) / total);
            }
            for (Unit unit : units) {
                Passage passage = passages.get(unit.passage());
                String titles = passage.section() + " " + passage.pageTitle();
                double heading = weight(new HashSet<>(Terms.contentTerms(titles)));
                score.put(unit, coverage.get(unit) * quality(unit) + RANK_WEIGHT / (unit.passage() + 1)
                        + HEADING_WEIGHT * (total == 0 ? 0 : heading / total));
            }
        }

        private void read(int passage, String text) {
            List<Piece> pieces = PassageText.pieces(text);
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = pieces.get(i);
                Set<String> terms = new HashSet<>(Terms.contentTerms(piece.text()));
                if (piece instanceof Code code) {
                    units.add(new Unit(passage, i, piece, terms, Set.of(), false, false, isShort(code)));
                    continue;
                }
                String sentence = piece.text();
                boolean cut = (i == 0 && (sentence.startsWith("…") || sentence.startsWith("...")
                        || Character.isLowerCase(sentence.charAt(0)) && !IDENTIFIER_START.matcher(sentence).find()))
                        || (i == pieces.size() - 1 && !sentence.matches("(?s).*[.!?:)\"”’]$"));
                boolean leadsIntoCode = i + 1 < pieces.size() && pieces.get(i + 1) instanceof Code;
                units.add(new Unit(passage, i, new Sentence(clean(sentence)), terms, onlyInNames(sentence, terms), cut,
                        leadsIntoCode, true));
            }
        }

        /**
         * Question words with their weights: IDF over the units, halved for words only the search query has.
         * Words of another script are left out unless some unit has them; numbers count as one unmatched word.
         */
        private void weigh(String question, String searchedAs) {
            Set<String> own = new LinkedHashSet<>(Terms.contentTerms(question));
            Set<String> all = new LinkedHashSet<>(own);
            all.addAll(Terms.contentTerms(searchedAs));
            Set<String> present = units.stream().flatMap(unit -> unit.terms().stream()).collect(Collectors.toSet());
            double absent = Math.log((units.size() + 1.0) / 0.5);
            for (String term : all) {
                double share = own.contains(term) ? 1 : BORROWED_WEIGHT;
                if (term.chars().noneMatch(Character::isLetter)) {
                    weights.merge(NUMBERS, share * absent, Math::max);
                } else if (present.contains(term)) {
                    long df = units.stream().filter(unit -> unit.terms().contains(term)).count();
                    weights.put(term, share * Math.log((units.size() + 1.0) / (df + 0.5)));
                } else if (term.chars().allMatch(c -> c < 128)) {
                    weights.put(term, share * absent);
                }
            }
            ownTerms = (int) weights.keySet().stream().filter(own::contains).count()
                    + (own.stream().anyMatch(term -> term.chars().noneMatch(Character::isLetter)) ? 1 : 0);
        }

        /** Enough distinct question words to be about the question: two once it has three or more. */
        boolean matchesEnough(Unit unit, Set<String> context) {
            long matched = weights.keySet().stream()
                    .filter(term -> unit.terms().contains(term) || context.contains(term)).count();
            return matched >= Math.min(2, Math.max(1, ownTerms - 1));
        }

        /** The words around a unit that say what it is about: its signature or code, or its lead-in. */
        private Set<String> context(int index) {
            Unit unit = units.get(index);
            Set<String> context = new HashSet<>();
            if (unit.code()) {
                Unit before = neighbour(index, -1);
                if (before != null && before.sentence()) {
                    context.addAll(before.terms());
                }
                return context;
            }
            Unit after = neighbour(index, 1);
            if (after != null && after.code() && after.showable()) {
                context.addAll(after.terms());
            }
            for (int i = index - 1; i >= 0 && units.get(i).passage() == unit.passage(); i--) {
                if (units.get(i).code()) {
                    if (signature(units.get(i))) {
                        context.addAll(units.get(i).terms());
                    }
                    break;
                }
            }
            return context;
        }

        private Unit neighbour(int index, int step) {
            int at = index + step;
            if (at < 0 || at >= units.size() || units.get(at).passage() != units.get(index).passage()) {
                return null;
            }
            return units.get(at);
        }

        /**
         * The words of a sentence seen only inside identifiers: "field" in "field_names", "value" in "name=value".
         * Prose that uses the word says more about it than a name that contains it.
         */
        private static Set<String> onlyInNames(String sentence, Set<String> terms) {
            Set<String> plain = new HashSet<>();
            for (String token : sentence.split("\\s+")) {
                String word = token.replaceAll("^[(\"“‘']+|[.,;:!?)\"”’']+$", "");
                if (!NAME.matcher(word).find()) {
                    plain.addAll(Terms.contentTerms(word));
                }
            }
            return without(terms, plain);
        }

        double weight(Set<String> terms) {
            return weights.entrySet().stream().filter(entry -> terms.contains(entry.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        static Set<String> without(Set<String> terms, Set<String> minus) {
            Set<String> rest = new HashSet<>(terms);
            rest.removeAll(minus);
            return rest;
        }

        double quality(Unit unit) {
            if (unit.code()) {
                return unit.showable() ? 1 : 0;
            }
            double quality = 1;
            if (unit.fragment()) {
                quality *= 0.6;
            }
            int words = unit.words();
            if (words < 4) {
                quality *= 0.5;
            } else if (words > 60) {
                quality *= 0.8;
            }
            if (unit.piece().text().endsWith(":") && !showableCodeAfter(unit)) {
                quality *= 0.6;
            }
            return quality;
        }

        private boolean showableCodeAfter(Unit unit) {
            Unit after = unit.leadsIntoCode() ? neighbour(units.indexOf(unit), 1) : null;
            return after != null && after.showable();
        }

        boolean sharesNothing() {
            return units.stream().noneMatch(unit -> coverage.get(unit) > 0);
        }

        /** The units to quote, or none when nothing covers enough of the question. */
        List<Unit> pick() {
            List<Unit> ranked = units.stream().filter(this::candidate)
                    .sorted(Comparator.comparingDouble((Unit unit) -> -score.get(unit))
                            .thenComparingInt(Unit::passage).thenComparingInt(Unit::position))
                    .toList();
            if (ranked.isEmpty() || ranked.stream().mapToDouble(coverage::get).max().orElse(0) < MIN_COVERAGE) {
                return List.of();
            }
            Unit top = ranked.getFirst();
            List<Unit> picked = new ArrayList<>();
            Set<String> covered = new HashSet<>();
            for (Unit unit : ranked) {
                if (sentences(picked) >= MAX_SENTENCES) {
                    break;
                }
                double bar = (unit.passage() == top.passage() ? SAME_PASSAGE_BAR : OTHER_PASSAGE_BAR) * score.get(top);
                boolean answersMore = weight(without(unit.terms(), covered)) >= MIN_COVERAGE * total;
                if (picked.contains(unit) || (unit.code() && (hasCode(picked) || !quotable(unit, top, picked)))
                        || score.get(unit) < bar && !answersMore) {
                    continue;
                }
                List<Unit> take = withNeighbours(unit, picked);
                if (fits(picked, take)) {
                    picked.addAll(take);
                    take.forEach(taken -> covered.addAll(taken.terms()));
                }
            }
            if (!hasCode(picked)) {
                exampleFor(picked).ifPresent(picked::add);
            }
            return picked;
        }

        private boolean candidate(Unit unit) {
            if (!enough.get(unit)) {
                return false;
            }
            if (unit.sentence() && unit.piece().text().endsWith(":") && unit.words() < SHORT_LEAD_IN_WORDS
                    && !showableCodeAfter(unit)) {
                return false; // "Examples of working with datetime objects:" says nothing without its example
            }
            if (unit.code()) {
                // A lone signature names what the sentences after it document; an example shows more.
                return unit.showable() && !signature(unit) && ownCoverage.get(unit) > 0
                        && coverage.get(unit) >= MIN_COVERAGE;
            }
            return coverage.get(unit) >= MIN_COVERAGE / 2 && ownCoverage.get(unit) > 0;
        }

        /** The unit with what it needs to be understood: the sentence it leans on, a code block's lead-in. */
        private List<Unit> withNeighbours(Unit unit, List<Unit> picked) {
            int at = units.indexOf(unit);
            List<Unit> take = new ArrayList<>();
            Unit before = neighbour(at, -1);
            boolean leansBack = unit.sentence() && LEANS_BACK.matcher(unit.piece().text()).find();
            if (before != null && before.sentence() && !before.fragment() && !picked.contains(before)
                    && (leansBack || unit.code())) {
                Unit earlier = neighbour(at, -2);
                if (unit.code() && before.words() < SHORT_LEAD_IN_WORDS && earlier != null && earlier.sentence()
                        && !earlier.fragment() && !picked.contains(earlier)) {
                    take.add(earlier);
                }
                take.add(before);
            }
            take.add(unit);
            Unit after = neighbour(at, 1);
            if (unit.sentence() && unit.piece().text().endsWith(":") && after != null && after.code()
                    && after.showable() && !hasCode(picked)) {
                take.add(after);
            }
            return take;
        }

        private boolean fits(List<Unit> picked, List<Unit> take) {
            if (picked.isEmpty()) {
                return true;
            }
            if (sentences(picked) + sentences(take) > MAX_SENTENCES) {
                return false;
            }
            Set<Integer> passagesUsed = new HashSet<>();
            picked.forEach(unit -> passagesUsed.add(unit.passage()));
            take.forEach(unit -> passagesUsed.add(unit.passage()));
            if (passagesUsed.size() > MAX_PASSAGES) {
                return false;
            }
            int chars = quotedChars(picked) + quotedChars(take);
            if (chars > MAX_QUOTED_CHARS) {
                return false;
            }
            return take.stream().filter(Unit::sentence)
                    .noneMatch(candidate -> picked.stream().filter(Unit::sentence)
                            .anyMatch(done -> redundant(candidate, done)));
        }

        /**
         * When nothing picked is code: the best passage's short code block that shares most question words,
         * or else the example it introduces ("Here is a small example:"); an example before a signature.
         */
        private Optional<Unit> exampleFor(List<Unit> picked) {
            int best = picked.getFirst().passage();
            return units.stream()
                    .filter(unit -> unit.code() && unit.showable() && unit.passage() == best)
                    .filter(unit -> ownCoverage.get(unit) >= MIN_COVERAGE / 2 || introduced(unit))
                    .max(Comparator.comparing((Unit unit) -> !signature(unit))
                            .thenComparingDouble(unit -> ownCoverage.get(unit))
                            .thenComparingDouble(unit -> coverage.get(unit)));
        }

        /** Code is shown from the top passage, or beside sentences of its own passage. */
        private static boolean quotable(Unit code, Unit top, List<Unit> picked) {
            return code.passage() == top.passage()
                    || picked.stream().anyMatch(unit -> unit.passage() == code.passage());
        }

        private static boolean signature(Unit unit) {
            return unit.code() && PassageText.isSignature(unit.piece().text());
        }

        private boolean introduced(Unit code) {
            Unit before = neighbour(units.indexOf(code), -1);
            return before != null && before.sentence() && before.piece().text().endsWith(":");
        }

        private static int sentences(List<Unit> units) {
            return (int) units.stream().filter(Unit::sentence).count();
        }

        private static boolean hasCode(List<Unit> units) {
            return units.stream().anyMatch(Unit::code);
        }

        private static int quotedChars(List<Unit> units) {
            return units.stream().filter(Unit::sentence).mapToInt(unit -> unit.piece().text().length()).sum();
        }

        private static boolean redundant(Unit a, Unit b) {
            String x = a.piece().text().toLowerCase(Locale.ROOT);
            String y = b.piece().text().toLowerCase(Locale.ROOT);
            if (x.contains(y) || y.contains(x)) {
                return true;
            }
            Set<String> union = new HashSet<>(a.terms());
            union.addAll(b.terms());
            Set<String> shared = new HashSet<>(a.terms());
            shared.retainAll(b.terms());
            return union.size() >= 4 && shared.size() >= REDUNDANT * union.size();
        }

        Answer render(List<Unit> picked) {
            Map<Integer, List<Unit>> groups = picked.stream()
                    .sorted(Comparator.comparingInt(Unit::passage).thenComparingInt(Unit::position))
                    .collect(Collectors.groupingBy(Unit::passage, TreeMap::new, Collectors.toList()));
            List<String> blocks = new ArrayList<>();
            if (!english) {
                blocks.add(matchedWordsNote(picked));
            }
            for (Map.Entry<Integer, List<Unit>> group : groups.entrySet()) {
                int n = group.getKey() + 1;
                List<String> paragraph = new ArrayList<>();
                for (Unit unit : group.getValue()) {
                    if (unit.sentence()) {
                        if (!paragraph.isEmpty() && paragraph.getLast().endsWith(":")) {
                            String before = paragraph.removeLast();
                            paragraph.add(before.substring(0, before.length() - 1) + ".");
                        }
                        paragraph.add(unit.piece().text());
                        continue;
                    }
                    blocks.add(paragraph.isEmpty() ? "From *" + where(passages.get(group.getKey())) + "* [" + n + "]:"
                            : cite(String.join(" ", paragraph), n, true));
                    paragraph.clear();
                    blocks.add("```" + language(unit.piece().text()) + "\n" + unit.piece().text() + "\n```");
                }
                if (!paragraph.isEmpty()) {
                    blocks.add(cite(String.join(" ", paragraph), n, false));
                }
            }
            List<Integer> cited = groups.keySet().stream().map(passage -> passage + 1).toList();
            return new Answer(String.join("\n\n", blocks), cited, Coverage.ANSWERED);
        }

        /** For a non-English question: which of its words the quoted passages were matched on. */
        private String matchedWordsNote(List<Unit> picked) {
            Set<String> quotedTerms = picked.stream().flatMap(unit -> unit.terms().stream())
                    .collect(Collectors.toSet());
            Set<String> matched = new LinkedHashSet<>();
            for (String word : Terms.words(question)) {
                if (Terms.isContentWord(word) && quotedTerms.contains(Terms.stem(word))) {
                    matched.add(word);
                }
            }
            String words = matched.isEmpty() ? "" : " (" + String.join(", ", matched) + ")";
            return "The documentation is in English, and I could match only some words of your question" + words
                    + " with it. These passages have them:";
        }
    }

    private static boolean isShort(Code code) {
        return code.text().length() <= MAX_CODE_CHARS && code.text().lines().count() <= MAX_CODE_LINES;
    }

    /** Drops the documentation's own footnote marks ("powers [1]:"), which would read as our citations. */
    private static String clean(String sentence) {
        return FOOTNOTE.matcher(sentence).replaceAll("");
    }

    /**
     * Puts {@code [n]} before the paragraph's closing punctuation, or after it when there is none. A closing
     * colon stays only when the code it announces follows.
     */
    private static String cite(String paragraph, int n, boolean codeFollows) {
        String text = paragraph.endsWith(":") && !codeFollows
                ? paragraph.substring(0, paragraph.length() - 1) + "." : paragraph;
        return cite(text, n);
    }

    private static String cite(String text, int n) {
        String marker = " [" + n + "]";
        char last = text.charAt(text.length() - 1);
        return ".!?:".indexOf(last) >= 0 ? text.substring(0, text.length() - 1) + marker + last : text + marker;
    }

    private static String language(String code) {
        if (PYTHON.matcher(code).find()) {
            return "python";
        }
        return code.startsWith("$ ") || code.startsWith("# ") && code.contains("\n$ ") ? "console" : "";
    }
}
