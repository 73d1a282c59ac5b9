package dev.docent.assistant;

/** Chat titles made without a model: the first question, cut at a word boundary. */
final class Titles {

    static final int MAX = 60;

    private Titles() {
    }

    static String fromQuestion(String question) {
        return shorten(question, MAX);
    }

    /** The text on one line, cut at a word boundary when longer than {@code max} characters, "…" included. */
    static String shorten(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    /** Cleans a model's title suggestion; null when nothing usable is left. */
    static String fromModel(String suggestion) {
        String clean = suggestion.strip().replaceAll("^[\"'#*\\s]+|[\"'.*\\s]+$", "").replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() <= MAX ? clean : fromQuestion(clean);
    }
}
