package dev.docent.shared;

/** Rules for user-supplied text that every module applies the same way. */
public final class Text {

    /**
     * No control characters other than tab, line feed and carriage return. PostgreSQL cannot store NUL,
     * and none of them belongs in a question, a title or a name.
     */
    public static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    public static final String CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";

    private Text() {
    }

    /** What a header may hold (Spring Security's firewall rule): assigned characters that are not control characters. */
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
