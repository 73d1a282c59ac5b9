package dev.docent.knowledge.retrieve;

import dev.docent.llm.ModelMessage;
import dev.docent.shared.text.Terms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to search for, given a question and the user's earlier turns. Without a model, a
 * follow-up is made to stand alone by borrowing the content words of the turns it
 * follows; with one, the model is asked for a standalone rewrite and a few alternative
 * queries (multi-query), to be fused with {@link RankFusion}.
 */
public final class QueryPlanner {

    /** The standalone rewrite and three alternatives. */
    static final int MAX_VARIANTS = 4;
    static final int MAX_QUERY_CHARS = 200;

    /**
     * A question with this few content words cannot name its topic and something to ask
     * about it.
     */
    static final int SHORT_QUESTION_TERMS = 3;

    /**
     * Questions up to this long that point back ("those fields") lean on an earlier turn.
     */
    static final int REFERRING_QUESTION_TERMS = 5;
    static final int MAX_BORROWED_WORDS = 12;

    private static final Set<String> REFERRING_WORDS = Set.of("those", "these", "they", "them", "their", "theirs",
            "such", "same", "above", "previous", "instead", "another", "else", "also", "former", "latter", "그", "그것",
            "그거", "그건", "이것", "이거", "저것", "그럼", "그러면", "거기", "거기서", "그리고", "대신");

    private static final Pattern CONNECTIVE_START = Pattern
        .compile("^(and|but|or|so|then|what about|how about|what if|and if)\\b", Pattern.CASE_INSENSITIVE);

    private static final int PROMPT_TURNS = 3;

    private static final int PROMPT_TURN_CHARS = 300;

    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?(</think>|$)");

    private static final Pattern LIST_MARK = Pattern
        .compile("^(?:[-*•+>]+|\\(?\\d{1,2}[.):\\]]|\\d{1,2}\\s+[-–—])\\s*");

    private static final Pattern LABEL = Pattern.compile(
            "^(?:standalone(?: question| query| rewrite)?|rewrite|rewritten(?: question| query)?|question|"
                    + "(?:search |alternative |english )?query|variant|alternative|"
                    + "english(?: translation| version| rendering)?|translation|line)\\s*\\d*\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PREAMBLE = Pattern.compile("^(sure|okay|certainly|of course|here (are|is))\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern WRAPPING = Pattern.compile("^[\\s\"'`“”‘’*_]+|[\\s\"'`“”‘’*_,;]+$");

    private QueryPlanner() {
    }

    /**
     * The question as a search query that stands on its own. A question counts as a
     * follow-up when it has at most {@value #SHORT_QUESTION_TERMS} content words, or at
     * most {@value #REFERRING_QUESTION_TERMS} and a word pointing back ("those",
     * "instead", "그것"…), or it opens with a connective ("and", "what about"). A follow-up
     * gets the content words of the latest earlier turn that it does not already have;
     * when that turn was itself a follow-up, the content words of the turn before it too
     * (the chain a conversation drifts along), newest first, at most
     * {@value #MAX_BORROWED_WORDS} in all. Anything else is returned as asked, so a
     * change of topic does not drag the old one along.
     * @param earlierUserTurns the user's earlier messages, oldest first, without the
     * question
     */
    public static String standalone(String question, List<String> earlierUserTurns) {
        String asked = question.strip();
        List<String> earlier = earlierUserTurns.stream().filter(turn -> !turn.isBlank()).toList();
        if (earlier.isEmpty() || !isFollowUp(asked)) {
            return asked;
        }
        Set<String> known = new HashSet<>(Terms.contentTerms(asked));
        List<String> borrowed = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= 0 && i >= earlier.size() - 2; i--) {
            String turn = earlier.get(i);
            for (String word : surfaceContentWords(turn)) {
                if (borrowed.size() < MAX_BORROWED_WORDS && known.addAll(Terms.contentTerms(word))) {
                    borrowed.add(word);
                }
            }
            if (!isFollowUp(turn)) {
                break;
            }
        }
        return borrowed.isEmpty() ? asked : asked + " " + String.join(" ", borrowed);
    }

    static boolean isFollowUp(String question) {
        int terms = Terms.contentTerms(question).size();
        if (terms <= SHORT_QUESTION_TERMS || CONNECTIVE_START.matcher(question.strip()).find()) {
            return true;
        }
        return terms <= REFERRING_QUESTION_TERMS && Terms.words(question).stream().anyMatch(REFERRING_WORDS::contains);
    }

    /**
     * Words as written, punctuation around them stripped ({@code os.path.join()} stays
     * whole), that carry meaning.
     */
    private static List<String> surfaceContentWords(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            String word = token.replaceAll("^[^\\p{L}\\p{N}_]+|[^\\p{L}\\p{N}_]+$", "");
            if (!Terms.contentTerms(word).isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * Asks the model for {@value #MAX_VARIANTS} search queries, one a line: the question
     * rewritten to stand alone, then alternatives in the documentation's vocabulary. A
     * question that is not {@linkplain Terms#isLikelyEnglish likely English} must get an
     * English translation as its second line, since the documentation is searched in
     * English.
     */
    public static List<ModelMessage> variantsPrompt(String question, List<String> earlierUserTurns) {
        String language = Terms.isLikelyEnglish(question) ? "Write every line in English." : """
                The question is not in English, but the documentation is: line 1 stays in the user's \
                language, line 2 is its English translation, and lines 3 and 4 are in English too.""";
        String instructions = """
                You turn a user's question into search queries for a programming documentation search engine. \
                Reply with exactly four lines and nothing else. Line 1: the question rewritten to stand on its \
                own, with words like "it" or "those" replaced by what they refer to in the earlier questions. \
                Lines 2 to 4: different search queries for the same need, using the names the documentation \
                would use (functions, classes, modules, settings, concepts). %s No numbering, no quotes, no \
                explanations.""".formatted(language);
        StringBuilder user = new StringBuilder();
        List<String> recent = earlierUserTurns.subList(Math.max(0, earlierUserTurns.size() - PROMPT_TURNS),
                earlierUserTurns.size());
        if (!recent.isEmpty()) {
            user.append("Earlier questions, oldest first:\n");
            recent.forEach(turn -> user.append("- ").append(oneLine(turn, PROMPT_TURN_CHARS)).append('\n'));
            user.append('\n');
        }
        user.append("Question: ").append(question.strip());
        return List.of(ModelMessage.system(instructions), ModelMessage.user(user.toString()));
    }

    /**
     * The queries in a model's reply to {@link #variantsPrompt}: one a line, stripped of
     * reasoning blocks, list marks, labels ("English:"), quotes and emphasis;
     * introductions ("Here are…", anything ending in a colon), code fences, blanks and
     * repeats (ignoring case) dropped; each at most {@value #MAX_QUERY_CHARS} characters,
     * cut at a word, and at most {@value #MAX_VARIANTS} of them.
     */
    public static List<String> parseVariants(String modelReply) {
        Set<String> seen = new HashSet<>();
        List<String> queries = new ArrayList<>();
        for (String line : THINKING.matcher(modelReply).replaceAll("").split("\\R")) {
            String query = line.strip();
            if (query.startsWith("```") || query.endsWith(":") || PREAMBLE.matcher(query).find()) {
                continue;
            }
            query = LIST_MARK.matcher(query).replaceFirst("");
            query = WRAPPING.matcher(query).replaceAll("");
            query = LABEL.matcher(query).replaceFirst("");
            query = WRAPPING.matcher(query).replaceAll("");
            query = oneLine(query, MAX_QUERY_CHARS);
            if (!query.isEmpty() && seen.add(query.toLowerCase(Locale.ROOT))) {
                queries.add(query);
            }
            if (queries.size() == MAX_VARIANTS) {
                break;
            }
        }
        return List.copyOf(queries);
    }

    private static String oneLine(String text, int maxChars) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= maxChars) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', maxChars);
        return flat.substring(0, cut > maxChars / 2 ? cut : maxChars).strip();
    }

}
