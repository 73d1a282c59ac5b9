package dev.docent.assistant.extractive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A passage read as sentences and code blocks, in order. Paragraphs are separated by
 * blank lines; a paragraph is code when it is fenced, indented, an interactive session
 * ({@code >>>}, {@code $}), or when its lines look like code (an assignment, a call or
 * signature alone on its line, an import, a bare dotted name, brackets). Adjacent code
 * paragraphs are one block, since a listing may hold blank lines. Prose is split into
 * sentences at {@code . ! ?} followed by a space and a capital, a digit, a quote or an
 * identifier, but not after abbreviations ("e.g.", "i.e.", initials), inside parentheses
 * that close later, inside {@code `code`}, nor inside names and numbers
 * ({@code os.path.join()}, {@code 3.11}), which have no space after the dot.
 */
final class PassageText {

    /** A sentence of prose, or a code block kept exactly as written. */
    sealed interface Piece {

        String text();

    }

    record Sentence(String text) implements Piece {
    }

    record Code(String text) implements Piece {
    }

    /**
     * A table, its first row the header: rows as the parser wrote them ("a | b | c", one
     * paragraph each) or as Markdown ("| a | b |" with a "|---|" line).
     */
    record Table(List<List<String>> rows) implements Piece {

        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }

        @Override
        public String text() {
            return String.join("\n", rows.stream().map(row -> String.join(" | ", row)).toList());
        }

        List<String> header() {
            return rows.getFirst();
        }

        List<List<String>> body() {
            return rows.subList(1, rows.size());
        }

    }

    private static final Pattern TABLE_ROW = Pattern.compile("^\\|.*\\|$|.+ \\| .+");

    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-{3,}:?");

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

    private static final Pattern PROMPT = Pattern.compile("^(>>>|\\.\\.\\.|\\$ |In \\[\\d+]:)");

    private static final Pattern IMPORT = Pattern.compile("^(import [\\w.]+( as \\w+)?|from [\\w.]+ import .+)$");

    private static final Pattern KEYWORD_LINE = Pattern
        .compile("^(def|class|if|elif|else|for|while|try|except|finally|with|async|return|raise|yield|"
                + "var|let|const|function)\\b.*[:;{(=]\\s*$");

    private static final Pattern CALL_OR_SIGNATURE = Pattern
        .compile("^((class|exception|classmethod|staticmethod|abstractmethod|coroutine|awaitable|async|def|method|"
                + "function|property|decorator)\\s+)?[\\w.]+\\(.*\\)\\s*(->\\s*\\S+|[:;,])?$");

    private static final Pattern ASSIGNMENT = Pattern.compile("^[\\w.\\[\\]'\"]+\\s*[-+*/|&]?=\\s*\\S.*[^.!?]$");

    private static final Pattern DOTTED_NAME = Pattern.compile("^[\\w]+([._][\\w]+)+(\\(\\))?$");

    /**
     * A command as typed in a shell ("pip install --upgrade frobnicator"): a common tool,
     * a subcommand or option after it, no sentence's end.
     */
    private static final Pattern SHELL_COMMAND = Pattern.compile("^(sudo |pip3? |python3? |py |npm |npx |yarn |git "
            + "|docker |kubectl |curl |wget |mvn |\\./mvnw |gradle |apt-get |apt |brew |django-admin |cargo "
            + "|java |uv |poetry |conda )[-\\w./=:@$]+(\\s+\\S+){0,20}$");

    private static final Pattern SYMBOL_START = Pattern.compile("^(@\\w|\\{%|\\{\\{|[{}\\]]|//|<\\w)");

    private static final Pattern IDENTIFIER_START = Pattern.compile("_\\w.*|.*\\w[_.]\\w.*|.*\\w\\(.*");

    private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "cf.", "vs.", "approx.", "incl.", "esp.",
            "fig.", "no.", "nos.", "vol.", "ch.", "sec.", "p.", "pp.", "mr.", "mrs.", "ms.", "dr.", "st.", "al.", "eg.",
            "ie.", "resp.", "min.", "max.", "ref.", "ex.");

    private static final Pattern INITIALS = Pattern.compile("^\\(?([A-Za-z]\\.)+$");

    private static final String CLOSERS = "\"'”’)]»";

    private static final String OPENERS = "\"'“‘([`«*";

    private PassageText() {
    }

    static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        for (Paragraph paragraph : paragraphs(text)) {
            List<List<String>> rows = tableRows(paragraph.text());
            if (!rows.isEmpty()) {
                if (!pieces.isEmpty() && pieces.getLast() instanceof Table(List<List<String>> before)
                        && before.getFirst().size() == rows.getFirst().size()) {
                    List<List<String>> joined = new ArrayList<>(before);
                    joined.addAll(rows);
                    pieces.set(pieces.size() - 1, new Table(joined));
                }
                else {
                    pieces.add(new Table(rows));
                }
                continue;
            }
            if (!pieces.isEmpty() && pieces.getLast() instanceof Table table && table.rows().size() == 1) {
                pieces.set(pieces.size() - 1, new Sentence(table.text()));
            }
            if (paragraph.code()) {
                if (!pieces.isEmpty() && pieces.getLast() instanceof Code(String before)
                        && !isSignature(paragraph.text())) {
                    pieces.set(pieces.size() - 1, new Code(before + "\n\n" + paragraph.text()));
                }
                else {
                    pieces.add(new Code(paragraph.text()));
                }
            }
            else {
                sentences(paragraph.text()).forEach(sentence -> pieces.add(new Sentence(sentence)));
            }
        }
        if (!pieces.isEmpty() && pieces.getLast() instanceof Table table && table.rows().size() == 1) {
            pieces.set(pieces.size() - 1, new Sentence(table.text()));
        }
        return pieces;
    }

    /**
     * The rows of a paragraph that is (part of) a table, or none. A lone row is read as a
     * sentence again unless more rows follow ({@link #pieces}).
     */
    static List<List<String>> tableRows(String paragraph) {
        List<String> lines = paragraph.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty() || !lines.stream().allMatch(line -> TABLE_ROW.matcher(line).matches())) {
            return List.of();
        }
        if (lines.size() == 1 && lines.getFirst().startsWith("|") && lines.getFirst().contains("---")) {
            return markdownOnOneLine(lines.getFirst());
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = cells(line);
            if (!cells.stream().allMatch(cell -> SEPARATOR_CELL.matcher(cell).matches())) {
                rows.add(cells);
            }
        }
        boolean even = rows.stream().allMatch(row -> row.size() == rows.getFirst().size());
        return even && rows.getFirst().size() >= 2 ? rows : List.of();
    }

    /**
     * A Markdown table whose line breaks were lost ("| a | b | |---|---| | 1 | 2 |"): the
     * separator row tells how many cells a row has.
     */
    private static List<List<String>> markdownOnOneLine(String line) {
        List<String> cells = new ArrayList<>(Arrays.asList(line.substring(1).split("\\|", -1)));
        cells.replaceAll(String::strip);
        int separator = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (SEPARATOR_CELL.matcher(cells.get(i)).matches()) {
                separator = i;
                break;
            }
        }
        // cells: header cells, "", separator cells, "", row cells, ""…: a row is width +
        // 1 cells.
        int width = separator - 1;
        if (separator < 2) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (int at = 0; at + width <= cells.size(); at += width + 1) {
            List<String> row = cells.subList(at, at + width);
            if (!row.stream().allMatch(cell -> SEPARATOR_CELL.matcher(cell).matches())) {
                rows.add(List.copyOf(row));
            }
        }
        return rows.size() >= 2 ? rows : List.of();
    }

    private static List<String> cells(String line) {
        String inner = line.startsWith("|") && line.endsWith("|") && line.length() > 1
                ? line.substring(1, line.length() - 1) : line;
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private record Paragraph(String text, boolean code) {
    }

    private static List<Paragraph> paragraphs(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String[] all = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            if (FENCE.matcher(line).find()) {
                close(lines, paragraphs);
                int end = i + 1;
                while (end < all.length && !FENCE.matcher(all[end]).find()) {
                    end++;
                }
                String body = String.join("\n", List.of(all).subList(i + 1, Math.min(end, all.length)));
                if (!body.isBlank()) {
                    paragraphs.add(new Paragraph(body.stripTrailing(), true));
                }
                i = end;
            }
            else if (line.isBlank()) {
                close(lines, paragraphs);
            }
            else {
                lines.add(line);
            }
        }
        close(lines, paragraphs);
        return paragraphs;
    }

    private static void close(List<String> lines, List<Paragraph> paragraphs) {
        if (lines.isEmpty()) {
            return;
        }
        if (isCode(lines) || commentsAfterCode(lines, paragraphs)) {
            paragraphs.add(new Paragraph(dedent(lines), true));
        }
        else {
            paragraphs.add(new Paragraph(String.join(" ", lines).strip().replaceAll("\\s+", " "), false));
        }
        lines.clear();
    }

    /**
     * "# Now you can access a view that's only available to logged-in users." after an
     * example is the example's comment, set apart by a blank line, not a sentence.
     */
    private static boolean commentsAfterCode(List<String> lines, List<Paragraph> before) {
        return !before.isEmpty() && before.getLast().code()
                && lines.stream().allMatch(line -> line.strip().startsWith("# "));
    }

    private static boolean isCode(List<String> lines) {
        if (lines.stream().allMatch(line -> line.startsWith("    ") || line.startsWith("\t"))) {
            return true;
        }
        if (PROMPT.matcher(lines.getFirst().strip()).find()) {
            return true;
        }
        long codeLike = lines.stream()
            .filter(line -> looksLikeCode(line.strip()) || (line.startsWith(" ") || line.startsWith("\t")))
            .count();
        return lines.size() == 1 ? codeLike == 1 : codeLike > 0 || !wrappedProse(lines);
    }

    /**
     * Lines of running text broken for width: long lines of words, the last ending a
     * sentence.
     */
    private static boolean wrappedProse(List<String> lines) {
        double averageLength = lines.stream().mapToInt(String::length).average().orElse(0);
        return averageLength >= 30 && lines.getLast().strip().matches(".*[.!?:)\"”]$");
    }

    /**
     * A reference page's lone API line ("somenamedtuple._asdict()"): it opens a new
     * entry, not more code.
     */
    static boolean isSignature(String code) {
        return !code.contains("\n")
                && (CALL_OR_SIGNATURE.matcher(code).matches() || DOTTED_NAME.matcher(code).matches());
    }

    static boolean looksLikeCode(String line) {
        return PROMPT.matcher(line).find() || IMPORT.matcher(line).matches() || KEYWORD_LINE.matcher(line).matches()
                || CALL_OR_SIGNATURE.matcher(line).matches() || ASSIGNMENT.matcher(line).matches()
                || DOTTED_NAME.matcher(line).matches() || SYMBOL_START.matcher(line).find()
                || SHELL_COMMAND.matcher(line).matches() && !line.matches(".*[.!?:]$")
                || line.codePoints().noneMatch(Character::isLetter);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
        return String.join("\n",
                lines.stream()
                    .map(line -> line.length() >= indent ? line.substring(indent) : line)
                    .map(String::stripTrailing)
                    .toList());
    }

    /** The sentences of one paragraph of prose, each stripped. */
    static List<String> sentences(String prose) {
        boolean[] shielded = shielded(prose);
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < prose.length(); i++) {
            char c = prose.charAt(i);
            if (".!?。！？".indexOf(c) < 0 || (shielded[i] && !closesParenthetical(prose, start, i))) {
                continue;
            }
            int end = i + 1;
            while (end < prose.length() && (CLOSERS.indexOf(prose.charAt(end)) >= 0 || prose.charAt(end) == c)) {
                end++;
            }
            int next = end;
            while (next < prose.length() && Character.isWhitespace(prose.charAt(next))) {
                next++;
            }
            boolean cjk = "。！？".indexOf(c) >= 0;
            if (next == prose.length() || (!cjk && next == end) || (c == '.' && !endsSentence(prose, start, i, next))) {
                continue;
            }
            sentences.add(prose.substring(start, end).strip());
            start = next;
            i = next - 1;
        }
        if (start < prose.length() && !prose.substring(start).isBlank()) {
            sentences.add(prose.substring(start).strip());
        }
        return sentences;
    }

    /**
     * Whether the dot at {@code dot} ends a sentence, given that the next one would start
     * at {@code next}.
     */
    private static boolean endsSentence(String prose, int start, int dot, int next) {
        int wordStart = dot;
        while (wordStart > start && !Character.isWhitespace(prose.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = prose.substring(wordStart, dot + 1);
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower) || ABBREVIATIONS.contains(lower.replaceFirst("^\\(", ""))
                || INITIALS.matcher(word).matches()) {
            return false;
        }
        char first = prose.charAt(next);
        if (lower.equals("etc.")) {
            return Character.isUpperCase(first);
        }
        if (Character.isLowerCase(first)) {
            // A sentence may open with a lower-case identifier ("cache_page takes…"),
            // never with a plain word.
            int wordEnd = next;
            while (wordEnd < prose.length() && !Character.isWhitespace(prose.charAt(wordEnd))) {
                wordEnd++;
            }
            return IDENTIFIER_START.matcher(prose.substring(next, wordEnd)).matches();
        }
        return Character.isUpperCase(first) || Character.isDigit(first) || OPENERS.indexOf(first) >= 0
                || Character.isLetter(first);
    }

    /**
     * A sentence in parentheses of its own, "(Note that… minute.)", ends at its closing
     * parenthesis.
     */
    private static boolean closesParenthetical(String prose, int start, int mark) {
        if (prose.charAt(start) != '(' || mark + 1 >= prose.length() || prose.charAt(mark + 1) != ')') {
            return false;
        }
        int depth = 0;
        for (int i = start; i <= mark + 1; i++) {
            char c = prose.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i < mark + 1) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * Positions inside `inline code` or inside parentheses that close later: no sentence
     * ends there.
     */
    private static boolean[] shielded(String prose) {
        boolean[] shielded = new boolean[prose.length()];
        Deque<Integer> open = new ArrayDeque<>();
        int tick = -1;
        for (int i = 0; i < prose.length(); i++) {
            char c = prose.charAt(i);
            if (c == '`') {
                if (tick < 0) {
                    tick = i;
                }
                else {
                    Arrays.fill(shielded, tick, i, true);
                    tick = -1;
                }
            }
            else if (c == '(' && tick < 0) {
                open.push(i);
            }
            else if (c == ')' && tick < 0 && !open.isEmpty()) {
                Arrays.fill(shielded, open.pop(), i, true);
            }
        }
        return shielded;
    }

}
