package dev.docent.shared;

/** Rules for user-supplied text that every module applies the same way. */
public final class Text {

    /**
     * No control characters other than tab, line feed and carriage return, and no half of
     * a surrogate pair ({@code "\\ud800"} in JSON). PostgreSQL cannot store NUL nor a
     * lone surrogate (it came back as "?"), and none of them belongs in a question, a
     * title or a name.
     */
    public static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]*";

    public static final String CONTROL_CHARACTERS_MESSAGE = "must not contain control characters or half a surrogate pair";

    /**
     * At least one letter, digit, punctuation mark or symbol: a question of zero-width
     * spaces, byte-order marks or a lone combining accent is blank to a reader, and the
     * embedding model refuses it.
     */
    public static final String SOMETHING_VISIBLE = "(?s).*" + Chars.VISIBLE + ".*";

    public static final String SOMETHING_VISIBLE_MESSAGE = "must contain a letter, digit or symbol, "
            + "not only spaces or invisible characters";

    /**
     * A title or a name: one line (no line break, tab or other control character), with
     * something visible in it. A line break in a chat title broke the heading line of its
     * Markdown export.
     */
    public static final String ONE_VISIBLE_LINE = Chars.ON_A_LINE + Chars.VISIBLE + Chars.ON_A_LINE;

    public static final String ONE_VISIBLE_LINE_MESSAGE = "must be one line of text with a letter, digit or symbol "
            + "in it, without control characters";

    /** The character classes the rules above are made of. */
    private static final class Chars {

        /** A letter, digit, punctuation mark or symbol. */
        static final String VISIBLE = "[\\p{L}\\p{N}\\p{P}\\p{S}]";

        /** Any run of characters but control characters and halves of surrogate pairs. */
        static final String ON_A_LINE = "[^\\x00-\\x1F\\x7F\\p{Cs}]*";

    }

    private Text() {
    }

    /**
     * The text on one line, cut at a word boundary when longer than {@code max}
     * characters, "…" included.
     */
    public static String shorten(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    /**
     * What a header may hold (Spring Security's firewall rule): assigned characters that
     * are not control characters.
     */
    public static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED) {
                return false;
            }
        }
        return true;
    }

}
