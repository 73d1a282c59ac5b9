package dev.docent.assistant.extractive;

import dev.docent.assistant.extractive.ExtractiveAnswerer.Answer;
import dev.docent.assistant.extractive.ExtractiveAnswerer.Coverage;
import dev.docent.assistant.extractive.PassageText.Piece;
import dev.docent.assistant.extractive.PassageText.Sentence;
import dev.docent.assistant.extractive.PassageText.Table;
import dev.docent.knowledge.Passage;
import dev.docent.shared.Text;
import dev.docent.shared.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The answer in Markdown: the picked units grouped by passage in rank order, in their
 * order within the passage, each paragraph cited {@code [n]} and code fenced with its
 * language.
 */
final class Rendering {

    private static final int CLOSEST_CHARS = 400;

    private static final int RELATED_PAGES = 3;

    static final int MAX_TABLE_ROWS = 12;

    /** As long as a source's snippet. */
    private static final int SNIPPET_CHARS = 240;

    /**
     * The line Sphinx puts atop a module's page ("Source code: Lib/traceback.py"), which
     * the parser joins to the sentence after it: a link, not an answer.
     */
    private static final Pattern SOURCE_LINK = Pattern.compile("^Source code: \\S+\\s*");

    private static final Pattern FOOTNOTE = Pattern.compile("\\s\\[\\d{1,2}](?=[\\s.,;:!?]|$)");

    private static final Pattern PYTHON = Pattern
        .compile("(?m)^(>>>|def |class |import |from \\S+ import |@\\w|for .+:$|if .+:$|print\\()");

    private Rendering() {
    }

    static Answer quoted(Reading reading, List<Unit> picked) {
        Map<Integer, List<Unit>> groups = picked.stream()
            .sorted(Comparator.comparingInt(Unit::passage).thenComparingInt(Unit::position))
            .collect(Collectors.groupingBy(Unit::passage, TreeMap::new, Collectors.toList()));
        List<String> blocks = new ArrayList<>();
        if (!reading.english()) {
            blocks.add(matchedWordsNote(reading.question(), picked));
        }
        int n = 0;
        for (Map.Entry<Integer, List<Unit>> group : groups.entrySet()) {
            n++;
            List<String> paragraph = new ArrayList<>();
            for (Unit unit : group.getValue()) {
                if (unit.sentence()) {
                    if (!paragraph.isEmpty() && paragraph.getLast().endsWith(":")) {
                        String before = paragraph.removeLast();
                        paragraph.add(before.substring(0, before.length() - 1) + ".");
                    }
                    paragraph.add(unit.text());
                    continue;
                }
                blocks.add(paragraph.isEmpty()
                        ? Wording.of(reading.question()).from(where(reading.passages().get(group.getKey())), n)
                        : cite(String.join(" ", paragraph), n, true));
                paragraph.clear();
                blocks.add(unit.piece() instanceof Table table ? table(table, reading.weights().byTerm().keySet())
                        : "```" + language(unit.text()) + "\n" + unit.text() + "\n```");
            }
            if (!paragraph.isEmpty()) {
                blocks.add(cite(String.join(" ", paragraph), n, false));
            }
        }
        List<Integer> cited = groups.keySet().stream().map(passage -> passage + 1).toList();
        return new Answer(String.join("\n\n", blocks), cited, Coverage.ANSWERED);
    }

    /**
     * The two or three pages the passages come from, best first, as links (title and
     * URL), to offer when they do not answer: places to read on, not quotes.
     */
    static String relatedPages(List<Passage> passages) {
        Set<String> pages = new LinkedHashSet<>();
        List<String> links = new ArrayList<>();
        for (Passage passage : passages) {
            if (links.size() == RELATED_PAGES || !pages.add(passage.documentId() + "/" + passage.page())) {
                continue;
            }
            String title = passage.pageTitle() == null || passage.pageTitle().isBlank() ? passage.page()
                    : passage.pageTitle();
            String url = passage.url() == null || passage.url().isBlank() ? passage.page()
                    : passage.url().replaceFirst("#.*$", "");
            links.add("- [" + title.replace("[", "(").replace("]", ")") + "](" + url.replace(" ", "%20") + ") ("
                    + passage.documentTitle() + ")");
        }
        return String.join("\n", links);
    }

    /**
     * A table as Markdown: its header and the rows holding the question's words, or every
     * row when none or all do (the question asks about the table as a whole), at most
     * {@value #MAX_TABLE_ROWS}.
     */
    static String table(Table table, Set<String> questionTerms) {
        List<List<String>> matching = table.body()
            .stream()
            .filter(row -> Terms.contentTerms(String.join(" ", row)).stream().anyMatch(questionTerms::contains))
            .toList();
        List<List<String>> rows = matching.isEmpty() ? table.body() : matching;
        List<String> lines = new ArrayList<>();
        lines.add(row(table.header()));
        lines.add(row(table.header().stream().map(cell -> "---").toList()));
        rows.stream().limit(MAX_TABLE_ROWS).forEach(row -> lines.add(row(row)));
        return String.join("\n", lines);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|")).toList()) + " |";
    }

    /**
     * For a non-English question: which of its words the quoted passages were matched on.
     */
    private static String matchedWordsNote(String question, List<Unit> picked) {
        Set<String> quotedTerms = picked.stream().flatMap(unit -> unit.terms().stream()).collect(Collectors.toSet());
        Set<String> matched = new LinkedHashSet<>();
        for (String word : Terms.words(question)) {
            if (Terms.isContentWord(word) && quotedTerms.contains(Terms.stem(word))) {
                matched.add(word);
            }
        }
        return Wording.of(question).matchedWords(String.join(", ", matched));
    }

    /**
     * The best page's sentence closest to the question by the embedding model (with the
     * signature it documents and the sentences between, as an answer quotes them),
     * offered as the closest match and said to be unverified; the top passage's opening
     * when closeness was not measured.
     */
    static Answer closest(Reading reading) {
        Passage first = reading.passages().getFirst();
        Optional<Unit> closest = reading.units()
            .stream()
            .filter(unit -> unit.sentence() && !unit.fragment() && unit.score().semantic() > 0
                    && reading.passages().get(unit.passage()).samePage(first))
            .max(Comparator.comparingDouble(unit -> unit.score().semantic()));
        if (closest.isEmpty()) {
            return closest(reading.question(), first);
        }
        Unit sentence = closest.get();
        Passage passage = reading.passages().get(sentence.passage());
        String text = Wording.of(reading.question()).closest(where(passage), quoteAround(reading, sentence));
        return new Answer(text, List.of(sentence.passage() + 1), Coverage.CLOSEST);
    }

    /**
     * The sentence as an answer would quote it, cited [1], for a Markdown block quote:
     * after the signature it documents and the sentences between, before the next
     * sentence when there is room, and with the example the last one announces.
     */
    private static String quoteAround(Reading reading, Unit sentence) {
        List<Unit> definition = Selection.definitionOf(reading, sentence);
        List<String> said = new ArrayList<>(definition.stream().filter(Unit::sentence).map(Unit::text).toList());
        said.add(sentence.text());
        StringBuilder quote = new StringBuilder(
                String.join(" ", said).length() <= CLOSEST_CHARS ? String.join(" ", said) : sentence.text());
        Unit last = sentence;
        Unit next = reading.neighbour(sentence, 1);
        if (next != null && next.sentence() && quote.length() + next.text().length() < CLOSEST_CHARS) {
            quote.append(' ').append(next.text());
            last = next;
        }
        definition.stream()
            .filter(unit -> unit.signature() && !unit.text().strip().contains("\n"))
            .findFirst()
            .ifPresent(signature -> quote.insert(0, "`" + signature.text().strip() + "` "));
        Unit announced = reading.neighbour(last, 1);
        boolean showsExample = last.text().endsWith(":") && announced != null && announced.code()
                && announced.showable() && !announced.signature();
        String quoted = cite(quote.toString(), 1, showsExample);
        return showsExample ? quoted + "\n>\n> ```" + language(announced.text()) + "\n> "
                + announced.text().replace("\n", "\n> ") + "\n> ```" : quoted;
    }

    /** The top passage's opening offered as the closest match, said to be unverified. */
    static Answer closest(String question, Passage passage) {
        StringBuilder quote = new StringBuilder();
        List<Piece> pieces = PassageText.pieces(passage.text());
        for (Piece piece : pieces) {
            if (piece instanceof Sentence sentence && quote.length() + sentence.text().length() <= CLOSEST_CHARS) {
                quote.append(quote.isEmpty() ? "" : " ").append(clean(sentence.text()));
            }
            else if (!quote.isEmpty()) {
                break;
            }
        }
        Optional<Table> table = pieces.stream().filter(Table.class::isInstance).map(Table.class::cast).findFirst();
        String quoted;
        if (!quote.isEmpty()) {
            quoted = cite(quote.toString(), 1);
        }
        else if (table.isPresent()) {
            // a table quoted as a table, each line inside the block quote, the citation
            // after it
            quoted = table(table.get(), Set.of()).replace("\n", "\n> ") + "\n>\n> [1]";
        }
        else {
            quoted = cite(Text.shorten(passage.text(), SNIPPET_CHARS), 1);
        }
        String text = Wording.of(question).closest(where(passage), quoted);
        return new Answer(text, List.of(1), Coverage.CLOSEST);
    }

    private static String where(Passage passage) {
        return passage.section() == null || passage.section().isBlank() ? passage.documentTitle()
                : passage.section() + " (" + passage.documentTitle() + ")";
    }

    /**
     * Drops the documentation's own footnote marks ("powers [1]:"), which would read as
     * our citations, and a module page's source link.
     */
    static String clean(String sentence) {
        return FOOTNOTE.matcher(SOURCE_LINK.matcher(sentence).replaceFirst("")).replaceAll("");
    }

    /**
     * Puts {@code [n]} before the paragraph's closing punctuation, or after it when there
     * is none. A closing colon stays only when the code it announces follows.
     */
    private static String cite(String paragraph, int n, boolean codeFollows) {
        String text = paragraph.endsWith(":") && !codeFollows ? paragraph.substring(0, paragraph.length() - 1) + "."
                : paragraph;
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

    /**
     * The text in pieces of a few words, so that it streams the way a model's answer
     * does.
     */
    static List<String> chunks(String text, int wordsPerChunk) {
        String[] words = text.split("(?<=\\s)");
        List<String> chunks = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            piece.append(words[i]);
            if ((i + 1) % wordsPerChunk == 0 || i == words.length - 1) {
                chunks.add(piece.toString());
                piece.setLength(0);
            }
        }
        return chunks;
    }

}
