package dev.docent.knowledge.starters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A few questions a learner could start a chat with, made from the headings of a document
 * set's sections: a heading that is already a question is kept, "Start the server"
 * becomes "How do I start the server?", "Managing document sets" becomes "How do I manage
 * document sets?", and a topic becomes "Tell me about supported formats". Headings that
 * say nothing on their own (Introduction, See also), look like code, or are too long are
 * skipped; the sections with the most text win, one per page, so the questions cover
 * different pages.
 */
public final class StarterQuestions {

    /** One indexed section: its page, its heading and how much text it holds. */
    public record Heading(String page, String heading, int textLength) {
    }

    /** The languages questions can be phrased in. */
    public enum Language {

        EN, KO;

        /** {@code en} or {@code ko}, any case; null for anything else. */
        public static Language of(String tag) {
            String base = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            return switch (base) {
                case "en" -> EN;
                case "ko" -> KO;
                default -> null;
            };
        }

    }

    static final int MAX_HEADING_CHARS = 70;

    private static final Set<String> GENERIC = Set.of("introduction", "overview", "see also", "contents",
            "table of contents", "index", "notes", "note", "footnotes", "summary", "references", "next steps",
            "related", "related topics", "examples", "example", "search", "changelog", "license", "glossary", "about",
            "prerequisites", "home");

    /**
     * Verbs that open task headings ("Create an account"), in their base form; their -ing
     * forms open topic headings ("Creating an account").
     */
    private static final List<String> VERBS = List.of("add", "ask", "build", "call", "change", "check", "choose",
            "configure", "connect", "create", "customize", "debug", "define", "delete", "deploy", "disable", "enable",
            "export", "extend", "find", "fix", "follow", "get", "handle", "import", "ingest", "install", "list", "load",
            "make", "manage", "migrate", "monitor", "move", "open", "read", "remove", "rename", "retry", "run",
            "search", "secure", "send", "set", "share", "sign", "start", "stop", "store", "test", "tie", "update",
            "upgrade", "upload", "use", "write", "work");

    private static final Map<String, String> BASE_FORMS = baseForms();

    /** Dotted names, calls, paths, or anything with code punctuation. */
    private static final Pattern CODE = Pattern.compile("[()\\[\\]{}<>=/\\\\_`$#@]|\\w\\.\\w|::");

    private static final Pattern QUESTION_WORD = Pattern
        .compile("^(how|what|why|which|who|can|do|does|is|are|should)\\b.*", Pattern.CASE_INSENSITIVE);

    private StarterQuestions() {
    }

    /** Up to {@code limit} questions in {@code language}, the best first. */
    public static List<String> from(List<Heading> headings, Language language, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Candidate> bestPerPage = new LinkedHashMap<>();
        for (Heading heading : headings) {
            String text = clean(heading.heading());
            if (!usable(text)) {
                continue;
            }
            Candidate candidate = new Candidate(heading.page(), text, kind(text), heading.textLength());
            candidates.add(candidate);
            bestPerPage.merge(heading.page(), candidate, (a, b) -> BETTER.compare(a, b) <= 0 ? a : b);
        }
        // the best of each page first, so the questions cover different pages; then the
        // rest
        List<Candidate> ranked = new ArrayList<>(bestPerPage.values());
        ranked.sort(BETTER);
        List<Candidate> rest = new ArrayList<>(candidates);
        rest.removeAll(ranked);
        rest.sort(BETTER);
        ranked.addAll(rest);
        List<String> questions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate candidate : ranked) {
            if (questions.size() == limit) {
                break;
            }
            String question = phrase(candidate, language);
            if (seen.add(question.toLowerCase(Locale.ROOT))) {
                questions.add(question);
            }
        }
        return questions;
    }

    /** A heading as a question in the given language. */
    static String phrase(String heading, Language language) {
        String text = clean(heading);
        return phrase(new Candidate("", text, kind(text), 0), language);
    }

    private static String phrase(Candidate candidate, Language language) {
        String heading = candidate.heading();
        if (candidate.kind() == Kind.QUESTION) {
            return heading.endsWith("?") ? heading : heading + "?";
        }
        if (language == Language.KO) {
            return heading + "에 대해 알려 주세요";
        }
        String[] words = heading.split(" ", 2);
        String rest = words.length > 1 ? " " + words[1] : "";
        return switch (candidate.kind()) {
            case TASK -> "How do I " + words[0].toLowerCase(Locale.ROOT) + rest + "?";
            case GERUND -> "How do I " + BASE_FORMS.get(words[0].toLowerCase(Locale.ROOT)) + rest + "?";
            case HOW_TO -> "How do I " + heading.substring("how to ".length()) + "?";
            default -> "Tell me about " + lowerFirst(heading);
        };
    }

    private enum Kind {

        QUESTION, HOW_TO, TASK, GERUND, TOPIC

    }

    private record Candidate(String page, String heading, Kind kind, int textLength) {
    }

    /** Questions and tasks make the best starters; then the section with more to say. */
    private static final Comparator<Candidate> BETTER = Comparator
        .comparingInt((Candidate c) -> c.kind() == Kind.TOPIC ? 1 : 0)
        .thenComparing(Comparator.comparingInt(Candidate::textLength).reversed())
        .thenComparing(Candidate::page)
        .thenComparing(Candidate::heading);

    private static Kind kind(String heading) {
        String lower = heading.toLowerCase(Locale.ROOT);
        if (heading.endsWith("?")) {
            return Kind.QUESTION;
        }
        if (lower.startsWith("how to ")) {
            return Kind.HOW_TO;
        }
        if (!heading.contains(" ")) {
            return Kind.TOPIC;
        }
        if (QUESTION_WORD.matcher(heading).matches() && !lower.startsWith("what you")) {
            return Kind.QUESTION;
        }
        String first = lower.split(" ", 2)[0];
        if (VERBS.contains(first)) {
            return Kind.TASK;
        }
        return BASE_FORMS.containsKey(first) ? Kind.GERUND : Kind.TOPIC;
    }

    private static boolean usable(String heading) {
        if (heading.isEmpty() || heading.length() > MAX_HEADING_CHARS
                || heading.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        if (GENERIC.contains(heading.toLowerCase(Locale.ROOT).replaceAll("[.:]$", ""))) {
            return false;
        }
        return !CODE.matcher(heading).find();
    }

    /** Sphinx's pilcrows and section numbers ("2.1. Using the interpreter") go. */
    private static String clean(String heading) {
        return heading == null ? ""
                : heading.replace('\u00b6', ' ')
                    .replaceAll("\\s+", " ")
                    .strip()
                    .replaceFirst("^(\\d+\\.)+\\d*\\s+", "")
                    .replaceFirst("[.:]$", "");
    }

    /**
     * "Supported formats" reads "supported formats" mid-sentence; "API keys" and "Redis"
     * keep theirs.
     */
    private static String lowerFirst(String text) {
        String first = text.split(" ", 2)[0];
        boolean plainWord = first.length() > 1 && first.substring(1).chars().allMatch(Character::isLowerCase)
                && text.contains(" ");
        return plainWord ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static Map<String, String> baseForms() {
        Map<String, String> forms = new LinkedHashMap<>();
        for (String verb : VERBS) {
            forms.put(verb + "ing", verb);
            if (verb.endsWith("e")) {
                forms.put(verb.substring(0, verb.length() - 1) + "ing", verb);
            }
            forms.put(verb + verb.charAt(verb.length() - 1) + "ing", verb);
        }
        return Map.copyOf(forms);
    }

}
