package dev.docent.shared.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meaningful words of a question or a sentence, for comparing them without a language
 * model: lower-cased, stop words and one-letter words dropped, reduced by a light suffix
 * stemmer so that "values", "value" and "valued" meet. Identifiers are split at
 * punctuation ({@code lru_cache} gives {@code lru} and {@code cache}); dotted numbers
 * such as {@code 3.11} stay one word. Words of other scripts (Korean, for instance) are
 * kept as they are, unstemmed, and split from Latin letters they are written against
 * ({@code lambda는} gives {@code lambda} and {@code 는}).
 */
public final class Terms {

    private static final Pattern WORD = Pattern
        .compile("\\p{N}+(?:\\.\\p{N}+)+|[\\p{IsLatin}\\p{N}]+|[\\p{L}\\p{M}\\p{N}&&[^\\p{IsLatin}]]+");

    /**
     * Function words, and the words people wrap a question in ("how do I…", "can you tell
     * me…").
     */
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "above", "after", "again", "all", "also", "am",
            "an", "and", "any", "anyone", "anything", "are", "as", "at", "be", "because", "been", "before", "being",
            "below", "best", "better", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
            "done", "down", "during", "each", "easiest", "easy", "either", "else", "even", "ever", "every",
            "everything", "few", "for", "from", "further", "get", "gets", "getting", "give", "gives", "go", "going",
            "good", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
            "in", "instead", "into", "is", "it", "its", "itself", "just", "know", "let", "like", "ll", "may", "me",
            "might", "more", "most", "much", "must", "my", "myself", "need", "needs", "no", "nor", "not", "now", "of",
            "off", "ok", "okay", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own",
            "please", "possible", "put", "rather", "re", "really", "right", "same", "say", "she", "should", "simple",
            "simplest", "so", "some", "someone", "something", "such", "tell", "than", "thank", "thanks", "that", "the",
            "their", "theirs", "them", "then", "there", "these", "they", "thing", "things", "this", "those", "through",
            "to", "too", "try", "trying", "under", "until", "up", "us", "use", "used", "uses", "using", "ve", "very",
            "want", "wanted", "wants", "was", "way", "ways", "we", "were", "what", "when", "where", "whether", "which",
            "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yes", "yet", "you",
            "your", "yours", "yourself");

    /**
     * Common function words of other Latin-script languages, which otherwise pass for
     * English.
     */
    private static final Set<String> FOREIGN_FUNCTION_WORDS = Set.of("le", "la", "les", "des", "du", "une", "est", "et",
            "pour", "avec", "dans", "comment", "je", "qui", "el", "los", "las", "una", "es", "para", "como", "cómo",
            "por", "qué", "que", "der", "das", "und", "ist", "mit", "ein", "eine", "wie", "ich", "nicht", "zu", "uma",
            "não", "il", "di", "che", "sono");

    private Terms() {
    }

    /**
     * The words {@link #isContentWord} rejects by name: function words and the wrapping
     * of a question.
     */
    public static Set<String> stopWords() {
        return STOP_WORDS;
    }

    /** Every word of the text, lower-cased, in order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The stems of the text's content words, in order, repeats kept. */
    public static List<String> contentTerms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : words(text)) {
            if (isContentWord(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /**
     * A lower-cased word that carries meaning: not a stop word, and not a single ASCII
     * letter or digit.
     */
    public static boolean isContentWord(String word) {
        if (word.length() == 1 && word.charAt(0) < 128) {
            return false;
        }
        return !STOP_WORDS.contains(word);
    }

    /**
     * Strips common English inflections, then a final "e", so that use/used/using or
     * cache/caches/caching share a stem. Crude, but applied alike to both sides of a
     * comparison. Non-ASCII words are left as they are.
     */
    public static String stem(String word) {
        if (!word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        String w = word;
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        }
        else if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            w = w.substring(0, w.length() - 2);
        }
        else if (w.endsWith("s") && w.length() > 3 && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ied") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        }
        else if (w.endsWith("ing") && w.length() > 5 && hasVowel(w.substring(0, w.length() - 3))) {
            w = undouble(w.substring(0, w.length() - 3));
        }
        else if (w.endsWith("ed") && w.length() > 4 && hasVowel(w.substring(0, w.length() - 2))) {
            w = undouble(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /**
     * "string" is not "str" + "ing": a suffix is only stripped from what could be a word.
     */
    private static boolean hasVowel(String stem) {
        return stem.chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0);
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /**
     * Whether the text reads as English: at least 80 % of its letters are ASCII, and it
     * does not use more common French, Spanish, German, Portuguese or Italian function
     * words than English ones. Text with no letters at all (code, numbers) counts as
     * English, since there is nothing to translate.
     */
    public static boolean isLikelyEnglish(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return true;
        }
        long ascii = text.codePoints().filter(c -> c < 128 && Character.isLetter(c)).count();
        if (ascii < letters * 0.8) {
            return false;
        }
        int english = 0;
        int foreign = 0;
        for (String word : words(text)) {
            if (STOP_WORDS.contains(word)) {
                english++;
            }
            if (FOREIGN_FUNCTION_WORDS.contains(word)) {
                foreign++;
            }
        }
        return foreign <= english;
    }

}
