package dev.docent.knowledge.retrieve;

import java.util.List;

/**
 * A light Korean morphology for looking words up: Korean writes a noun and its particle
 * as one word ({@code 리스트를}, {@code 예외처리에서}), so the particle is removed before a
 * glossary is consulted. Lucene's Nori analyzer would do this with a full dictionary; it
 * is not available at the project's Lucene version, and a list of the common particles is
 * enough for finding technical terms, which are nouns.
 */
public final class KoreanWords {

    /**
     * Case particles and auxiliary particles, longest first so that {@code 에서} is removed
     * before {@code 서} could be.
     */
    private static final List<String> PARTICLES = List.of("에서부터", "으로부터", "에서는", "에서도", "에서의", "으로는", "으로도", "으로서",
            "으로써", "이라는", "이라고", "에게서", "한테서", "까지는", "부터는", "에서", "으로", "에게", "한테", "까지", "부터", "처럼", "보다", "마다", "이나",
            "이랑", "라는", "라고", "로는", "로도", "로서", "로써", "에는", "에도", "와의", "과의", "이란", "만을", "만", "은", "는", "이", "가", "을",
            "를", "에", "로", "의", "도", "와", "과", "나", "랑", "란");

    private KoreanWords() {
    }

    /** Whether the code point is a Hangul syllable or jamo. */
    public static boolean isHangul(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL;
    }

    /** Whether the text has any Hangul in it. */
    public static boolean hasHangul(String text) {
        return text.codePoints().anyMatch(KoreanWords::isHangul);
    }

    /**
     * The word without its trailing particle ({@code 리스트를} → {@code 리스트}, {@code 딕셔너리에서}
     * → {@code 딕셔너리}); a word is never cut below one syllable, and a word with no
     * particle is returned as it is.
     */
    public static String withoutParticle(String word) {
        for (String particle : PARTICLES) {
            if (word.length() > particle.length() && word.endsWith(particle)) {
                return word.substring(0, word.length() - particle.length());
            }
        }
        return word;
    }

}
