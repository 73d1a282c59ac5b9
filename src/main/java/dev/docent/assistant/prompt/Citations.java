package dev.docent.assistant.prompt;

import dev.docent.chat.Source;
import dev.docent.knowledge.Passage;
import dev.docent.shared.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps an answer's citations honest: every {@code [n]} must name one of the passages the
 * answer was given, numbered from 1 in the order given. Markers are normalized to
 * {@code [n]}: {@code [1, 2]}, {@code [1-3]}, {@code [^1]}, {@code 【1】} and
 * {@code [Source 1]} become {@code [1]}, {@code [1][2]}…; numbers outside 1..count are
 * removed. Code (fenced blocks and inline spans) is left alone, since {@code p[1]} there
 * is indexing, and so are Markdown links ({@code [1](url)}). Footnote definition lines
 * ({@code [^1]: …}) are dropped, as the sources are shown from the message's stored
 * sources.
 *
 * <p>
 * Only the cited passages are stored as sources, with their original numbers so the
 * {@code [n]} in the text still points at them: an answer that cites nothing points at
 * nothing, and showing every retrieved passage under it would suggest a grounding the
 * answer does not claim.
 */
public final class Citations {

    static final int SNIPPET_CHARS = 240;

    /**
     * The answer with its markers normalized, and the passage numbers it cites,
     * ascending.
     */
    public record Checked(String text, List<Integer> cited) {

        public Checked {
            cited = List.copyOf(cited);
        }
    }

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

    private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("^\\s*\\[\\^\\d+\\]:.*");

    private static final String NUMBERS = "\\d{1,4}(?:\\s*(?:,|;|-|–|and)\\s*\\d{1,4})*";

    private static final Pattern MARKER = Pattern
        .compile("([ \\t]*)(?:\\[\\^?\\s*(?:(?:sources?|passages?|docs?|documents?|refs?)\\s*)?(" + NUMBERS + ")\\s*\\]"
                + "|[【［]\\s*(" + NUMBERS + ")\\s*[】］])(?![(:])", Pattern.CASE_INSENSITIVE);

    private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d+)(?:\\s*[-–]\\s*(\\d+))?");

    private Citations() {
    }

    /**
     * Checks a model's answer against the {@code passageCount} passages its prompt
     * numbered.
     */
    public static Checked check(String answer, int passageCount) {
        Set<Integer> cited = new TreeSet<>();
        StringBuilder out = new StringBuilder();
        boolean inFence = false;
        for (String line : answer.split("(?<=\n)", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                out.append(line);
            }
            else if (inFence) {
                out.append(line);
            }
            else if (!FOOTNOTE_DEFINITION.matcher(line.stripTrailing()).matches()) {
                out.append(outsideInlineCode(line, passageCount, cited));
            }
        }
        return new Checked(out.toString(), List.copyOf(cited));
    }

    private static String outsideInlineCode(String line, int passageCount, Set<Integer> cited) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (from < line.length()) {
            int open = line.indexOf('`', from);
            int close = open < 0 ? -1 : line.indexOf('`', open + 1);
            int proseEnd = close < 0 ? line.length() : open;
            out.append(markers(line.substring(from, proseEnd), out.isEmpty() || endsLine(out), passageCount, cited));
            if (close < 0) {
                break;
            }
            out.append(line, open, close + 1);
            from = close + 1;
        }
        return out.toString();
    }

    private static boolean endsLine(StringBuilder text) {
        return text.charAt(text.length() - 1) == '\n';
    }

    private static String markers(String prose, boolean atLineStart, int passageCount, Set<Integer> cited) {
        Matcher matcher = MARKER.matcher(prose);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(prose, last, matcher.start());
            String numbers = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            List<Integer> valid = valid(numbers, passageCount);
            last = matcher.end();
            if (valid.isEmpty()) {
                if (atLineStart && out.toString().isBlank()) {
                    while (last < prose.length() && (prose.charAt(last) == ' ' || prose.charAt(last) == '\t')) {
                        last++;
                    }
                }
                continue;
            }
            out.append(matcher.group(1));
            valid.forEach(n -> out.append('[').append(n).append(']'));
            cited.addAll(valid);
        }
        return out.append(prose, last, prose.length()).toString();
    }

    private static List<Integer> valid(String numbers, int passageCount) {
        List<Integer> valid = new ArrayList<>();
        Matcher part = NUMBER_OR_RANGE.matcher(numbers);
        while (part.find()) {
            int first = Integer.parseInt(part.group(1));
            int end = part.group(2) == null ? first : Integer.parseInt(part.group(2));
            for (int n = Math.max(1, first); n <= Math.min(end, passageCount); n++) {
                if (!valid.contains(n)) {
                    valid.add(n);
                }
            }
        }
        return valid;
    }

    /**
     * Every passage as a source, numbered from 1 in the order given (the order of the
     * prompt).
     */
    public static List<Source> sources(List<Passage> passages) {
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            sources.add(new Source(i + 1, passage.documentId(), passage.documentTitle(), passage.page(),
                    passage.section(), passage.url(), snippet(passage.text()), passage.score()));
        }
        return List.copyOf(sources);
    }

    /**
     * The passages an extractive answer cites, numbered 1..n in the order it cites them
     * ({@code cited.get(i)} is the passage, numbered from 1, that {@code [i + 1]} names).
     */
    public static List<Source> inOrderCited(List<Passage> passages, List<Integer> cited) {
        List<Source> all = sources(passages);
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            Source source = all.get(cited.get(i) - 1);
            sources.add(new Source(i + 1, source.documentId(), source.documentTitle(), source.page(), source.section(),
                    source.url(), source.snippet(), source.score()));
        }
        return List.copyOf(sources);
    }

    /** The sources an answer cites, keeping their numbers. */
    public static List<Source> cited(List<Passage> passages, List<Integer> cited) {
        return sources(passages).stream().filter(source -> cited.contains(source.n())).toList();
    }

    /**
     * The passage's opening, on one line and cut at a word, at most
     * {@value #SNIPPET_CHARS} characters.
     */
    static String snippet(String text) {
        return Text.shorten(text, SNIPPET_CHARS);
    }

}
