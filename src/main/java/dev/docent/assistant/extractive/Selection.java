package dev.docent.assistant.extractive;

import dev.docent.knowledge.Passage;
import dev.docent.shared.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which units to quote, best first, each rule a named method: candidates, the bar a unit
 * must clear, the neighbours it brings, the limits the answer keeps, and the example
 * added when no code was taken.
 */
final class Selection {

    static final double MIN_COVERAGE = 0.2;
    static final int MAX_SENTENCES = 4;
    static final int MAX_PASSAGES = 2;
    static final double OTHER_PASSAGE_BAR = 0.7;

    /**
     * A passage from another page than the best one's joins only when it answers nearly
     * as well (three quarters of the top score): quoting a second page half as good is
     * padding.
     */
    static final double OTHER_PAGE_BAR = 0.75;

    /** A question the documentation asks itself is answered by the sentences after it. */
    private static final int ANSWER_SENTENCES = 2;
    static final int MAX_QUOTED_CHARS = 1200;

    private static final double SAME_PASSAGE_BAR = 0.5;

    private static final double REDUNDANT = 0.7;

    private static final int SHORT_LEAD_IN_WORDS = 8;

    /**
     * How many sentences may stand between a signature and the sentence that brings it.
     */
    static final int DEFINITION_LEAD = 2;

    /** How many of the first pages a section titled by the question is looked for in. */
    static final int HEADED_PAGES = 3;

    /** How many words a heading may have beyond the question's and still restate it. */
    static final int HEADING_EXTRA_TERMS = 2;

    /** How many sentences of a section's opening are quoted. */
    static final int OPENING_SENTENCES = 3;

    private static final Pattern LEANS_BACK = Pattern
        .compile("^(This|These|That|Those|It|Its|They|Their|Such|Here|Otherwise|In this case|In that case)\\b");

    private final Reading reading;

    private Selection(Reading reading) {
        this.reading = reading;
    }

    /** The units to quote, or none when nothing covers enough of the question. */
    static List<Unit> pick(Reading reading) {
        return new Selection(reading).pick();
    }

    private List<Unit> pick() {
        Optional<List<Unit>> opening = openingOfTheSectionTheQuestionNames();
        if (opening.isPresent()) {
            return withAnExample(new ArrayList<>(opening.get()));
        }
        List<Unit> ranked = reading.units()
            .stream()
            .filter(this::candidate)
            .sorted(Comparator.comparingDouble((Unit unit) -> -unit.value())
                .thenComparingInt(Unit::passage)
                .thenComparingInt(Unit::position))
            .toList();
        if (ranked.isEmpty() || ranked.stream().mapToDouble(Unit::coverage).max().orElse(0) < MIN_COVERAGE) {
            return List.of();
        }
        Unit top = ranked.getFirst();
        List<Unit> picked = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Unit unit : ranked) {
            if (sentences(picked) >= MAX_SENTENCES) {
                break;
            }
            if (picked.contains(unit) || unit.code() && !codeMayJoin(unit, top, picked)
                    || unit.table() && picked.stream().anyMatch(Unit::table) || !clearsTheBar(unit, top, covered)) {
                continue;
            }
            List<Unit> take = withNeighbours(unit, picked);
            if (fits(picked, take)) {
                picked.addAll(take);
                take.forEach(taken -> covered.addAll(taken.terms()));
            }
        }
        return withAnExample(picked);
    }

    /**
     * When nothing picked is an example, the best passage's example that fits
     * ({@link #exampleFor}), with the sentence that explains it.
     */
    private List<Unit> withAnExample(List<Unit> picked) {
        if (picked.stream().noneMatch(unit -> unit.code() && !unit.signature())) {
            exampleFor(picked).ifPresent(code -> picked.addAll(withExplanation(code, picked)));
        }
        return picked;
    }

    /**
     * "How do I create an account?" is answered by the section <i>Create an account and
     * sign in</i>, whose sentences need not repeat its heading's words ("anyone can sign
     * up with a username…"), rather than by a sentence elsewhere that shares them
     * ("Docent creates that account" under <i>Create an administrator</i>). A section of
     * the first {@value #HEADED_PAGES} pages whose heading holds every word of an English
     * question, and at most {@value #HEADING_EXTRA_TERMS} more, is quoted from its start:
     * its first sentences, up to and with the example or table they lead to.
     */
    private Optional<List<Unit>> openingOfTheSectionTheQuestionNames() {
        // with the words a follow-up borrowed from earlier turns: "And how do I revoke
        // it?"
        // after a question about share links is not about revoking API keys
        Set<String> asked = reading.weights().words();
        if (!reading.english() || asked.isEmpty()) {
            return Optional.empty();
        }
        List<Passage> pages = new ArrayList<>();
        for (int p = 0; p < reading.passages().size(); p++) {
            Passage passage = reading.passages().get(p);
            if (pages.stream().noneMatch(passage::samePage)) {
                if (pages.size() == HEADED_PAGES) {
                    break;
                }
                pages.add(passage);
            }
            Set<String> heading = new HashSet<>(Terms.contentTerms(passage.section()));
            if (heading.containsAll(asked) && heading.size() <= asked.size() + HEADING_EXTRA_TERMS) {
                List<Unit> opening = openingOf(p);
                if (!opening.isEmpty()) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A passage's first {@value #OPENING_SENTENCES} whole sentences, and the code or
     * table that comes among them, after which it stops.
     */
    private List<Unit> openingOf(int passage) {
        List<Unit> opening = new ArrayList<>();
        for (Unit unit : reading.units()) {
            if (unit.passage() != passage || unit.sentence() && unit.fragment() && opening.isEmpty()) {
                continue;
            }
            if (!unit.sentence()) {
                if (!opening.isEmpty() && unit.showable()) {
                    opening.add(unit);
                }
                break;
            }
            opening.add(unit);
            if (sentences(opening) == OPENING_SENTENCES) {
                break;
            }
        }
        return opening;
    }

    /**
     * The signature a sentence documents and the sentences between them, or none (see
     * {@link #definitionUpTo}).
     */
    static List<Unit> definitionOf(Reading reading, Unit sentence) {
        return new Selection(reading).definitionUpTo(sentence, List.of());
    }

    private boolean candidate(Unit unit) {
        if (!unit.score().enough() || shortLeadInWithoutItsExample(unit)) {
            return false;
        }
        return unit.code() ? exampleThatCovers(unit) : sentenceThatCovers(unit);
    }

    /** "Examples of working with datetime objects:" says nothing without its example. */
    private boolean shortLeadInWithoutItsExample(Unit unit) {
        return unit.sentence() && unit.text().endsWith(":") && unit.words() < SHORT_LEAD_IN_WORDS
                && !Scoring.showableCodeAfter(reading.units(), reading.units().indexOf(unit));
    }

    /**
     * A lone signature names what the sentences after it document; an example shows more.
     */
    private static boolean exampleThatCovers(Unit code) {
        return code.showable() && !code.signature() && code.ownCoverage() > 0 && code.coverage() >= MIN_COVERAGE;
    }

    private static boolean sentenceThatCovers(Unit sentence) {
        return sentence.coverage() >= MIN_COVERAGE / 2 && sentence.ownCoverage() > 0;
    }

    /**
     * At least half the top score within the top unit's passage,
     * {@value #OTHER_PASSAGE_BAR} of its words' worth in the page's other passages; or
     * answering a part of the question nothing taken covers yet (the other half of a
     * two-part one).
     */
    private boolean clearsTheBar(Unit unit, Unit top, Set<String> covered) {
        if (!samePage(unit, top)) {
            return unit.value() >= OTHER_PAGE_BAR * top.value();
        }
        if (unit.passage() == top.passage()) {
            return unit.value() >= SAME_PASSAGE_BAR * top.value() || answersMore(unit, covered);
        }
        // another passage of the same page shares the page's rank: only its words can
        // earn it a place
        return unit.content() >= OTHER_PASSAGE_BAR * top.content() || answersMore(unit, covered);
    }

    private boolean samePage(Unit unit, Unit top) {
        var a = reading.passages().get(unit.passage());
        var b = reading.passages().get(top.passage());
        return a.documentId().equals(b.documentId()) && a.page().equals(b.page());
    }

    private boolean answersMore(Unit unit, Set<String> covered) {
        return reading.weight(QuestionWeights.without(unit.terms(), covered)) >= MIN_COVERAGE
                * reading.weights().total();
    }

    /**
     * One code block per answer, shown from the top passage or beside sentences of its
     * own passage.
     */
    private static boolean codeMayJoin(Unit code, Unit top, List<Unit> picked) {
        return !hasCode(picked) && (code.passage() == top.passage()
                || picked.stream().anyMatch(unit -> unit.passage() == code.passage()));
    }

    /** The unit with what it needs to be understood. */
    private List<Unit> withNeighbours(Unit unit, List<Unit> picked) {
        List<Unit> definition = definitionUpTo(unit, picked);
        if (!definition.isEmpty()) {
            List<Unit> take = new ArrayList<>(definition);
            take.add(unit);
            return take;
        }
        List<Unit> take = new ArrayList<>(leadInOf(unit, picked));
        take.add(unit);
        codeAnnouncedBy(unit, picked).ifPresent(take::add);
        take.addAll(answerTo(unit, picked));
        take.addAll(exampleLeaningBackOn(unit, picked, take));
        return take;
    }

    /**
     * "For reading lines from a file, you can loop over the file object." brings "This is
     * memory efficient, fast, and leads to simple code:" and the code it announces: the
     * sentence after leans back on this one to show it, when no code is taken yet.
     */
    private List<Unit> exampleLeaningBackOn(Unit unit, List<Unit> picked, List<Unit> take) {
        Unit next = reading.neighbour(unit, 1);
        Unit code = next == null ? null : reading.neighbour(next, 1);
        boolean showsIt = unit.sentence() && quotableSentence(next, picked) && !take.contains(next)
                && LEANS_BACK.matcher(next.text()).find() && next.text().endsWith(":") && code != null && code.code()
                && code.showable() && !code.signature() && !hasCode(picked) && !hasCode(take);
        return showsIt ? List.of(next, code) : List.of();
    }

    /**
     * A sentence of what a signature documents brings the signature and the sentences
     * between them (at most {@value #DEFINITION_LEAD} of them): "If there is an
     * exception, the changes are rolled back" says little without {@code atomic(…)} and
     * "atomic allows us to create a block of code…" before it. Empty when the unit
     * follows no signature so closely.
     */
    private List<Unit> definitionUpTo(Unit unit, List<Unit> picked) {
        if (!unit.sentence()) {
            return List.of();
        }
        List<Unit> between = new ArrayList<>();
        for (int step = -1; step >= -(DEFINITION_LEAD + 1); step--) {
            Unit before = reading.neighbour(unit, step);
            if (before == null || before.table()) {
                return List.of();
            }
            if (before.code()) {
                if (!before.signature() || picked.contains(before)) {
                    return List.of();
                }
                between.addFirst(before);
                return between.stream().filter(taken -> !picked.contains(taken)).toList();
            }
            between.addFirst(before);
        }
        return List.of();
    }

    /**
     * A sentence opening with "This", "It"… brings the one before it; code brings its
     * lead-in, and when that is short, the sentence before it too.
     */
    private List<Unit> leadInOf(Unit unit, List<Unit> picked) {
        Unit before = reading.neighbour(unit, -1);
        boolean leansBack = unit.sentence() && LEANS_BACK.matcher(unit.text()).find();
        if (!quotableSentence(before, picked) || !(leansBack || unit.code() || unit.table())) {
            return List.of();
        }
        Unit earlier = reading.neighbour(unit, -2);
        if (unit.code() && before.words() < SHORT_LEAD_IN_WORDS && quotableSentence(earlier, picked)) {
            return List.of(earlier, before);
        }
        return List.of(before);
    }

    /**
     * "What's the difference between a project and an app?" is answered by the sentences
     * that follow it, which need not repeat its words.
     */
    private List<Unit> answerTo(Unit unit, List<Unit> picked) {
        List<Unit> answer = new ArrayList<>();
        if (!unit.sentence() || !unit.text().endsWith("?")) {
            return answer;
        }
        for (int step = 1; answer.size() < ANSWER_SENTENCES; step++) {
            Unit after = reading.neighbour(unit, step);
            if (!quotableSentence(after, picked) || after.text().endsWith("?")) {
                break;
            }
            answer.add(after);
        }
        return answer;
    }

    private static boolean quotableSentence(Unit unit, List<Unit> picked) {
        return unit != null && unit.sentence() && !unit.fragment() && !picked.contains(unit);
    }

    /**
     * A sentence ending in a colon brings the short code it announces, unless code was
     * taken already.
     */
    private Optional<Unit> codeAnnouncedBy(Unit unit, List<Unit> picked) {
        Unit after = reading.neighbour(unit, 1);
        boolean announces = unit.sentence() && unit.text().endsWith(":") && after != null
                && (after.code() && after.showable() && !hasCode(picked)
                        || after.table() && picked.stream().noneMatch(Unit::table));
        return announces ? Optional.of(after) : Optional.empty();
    }

    /**
     * Within the limits on sentences, passages and quoted characters, and not a
     * near-repeat.
     */
    private static boolean fits(List<Unit> picked, List<Unit> take) {
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
        if (quotedChars(picked) + quotedChars(take) > MAX_QUOTED_CHARS) {
            return false;
        }
        return take.stream()
            .filter(Unit::sentence)
            .noneMatch(
                    candidate -> picked.stream().filter(Unit::sentence).anyMatch(done -> nearRepeat(candidate, done)));
    }

    /** Overlapping passages repeat text: one holding the other, or sharing most words. */
    private static boolean nearRepeat(Unit a, Unit b) {
        String x = a.text().toLowerCase(Locale.ROOT);
        String y = b.text().toLowerCase(Locale.ROOT);
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        Set<String> union = new HashSet<>(a.terms());
        union.addAll(b.terms());
        Set<String> shared = new HashSet<>(a.terms());
        shared.retainAll(b.terms());
        return union.size() >= 4 && shared.size() >= REDUNDANT * union.size();
    }

    /**
     * When nothing picked is code: the best passage's short code block that shares most
     * question words, or else the example it introduces ("Here is a small example:"); an
     * example before a signature. A signature names what the sentence after it documents,
     * so it joins only that sentence, never the one before it ({@code list.copy()} after
     * "Reverse the elements of the list in place.").
     */
    private Optional<Unit> exampleFor(List<Unit> picked) {
        int best = picked.getFirst().passage();
        return reading.units()
            .stream()
            .filter(unit -> unit.code() && unit.showable() && unit.passage() == best && !picked.contains(unit))
            .filter(unit -> unit.ownCoverage() >= MIN_COVERAGE / 2 || introduced(unit))
            .filter(unit -> !unit.signature() || picked.contains(reading.neighbour(unit, 1)))
            .max(Comparator.comparing((Unit unit) -> !unit.signature())
                .thenComparingDouble(Unit::ownCoverage)
                .thenComparingDouble(Unit::coverage));
    }

    /**
     * An example added last still comes with the sentence that explains it, when that
     * sentence fits.
     */
    private List<Unit> withExplanation(Unit code, List<Unit> picked) {
        Unit before = reading.neighbour(code, -1);
        if (quotableSentence(before, picked) && fits(picked, List.of(before))) {
            return List.of(before, code);
        }
        // an example announced by a sentence that is not quoted would stand without what
        // it shows
        boolean announced = before != null && before.sentence() && before.text().endsWith(":")
                && !picked.contains(before);
        return announced ? List.of() : List.of(code);
    }

    private boolean introduced(Unit code) {
        Unit before = reading.neighbour(code, -1);
        return before != null && before.sentence() && before.text().endsWith(":");
    }

    private static int sentences(List<Unit> units) {
        return (int) units.stream().filter(Unit::sentence).count();
    }

    private static boolean hasCode(List<Unit> units) {
        return units.stream().anyMatch(Unit::code);
    }

    private static int quotedChars(List<Unit> units) {
        return units.stream().filter(Unit::sentence).mapToInt(unit -> unit.text().length()).sum();
    }

}
