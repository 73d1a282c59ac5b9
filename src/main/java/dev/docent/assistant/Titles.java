package dev.docent.assistant;

/** Chat titles made without a model: the first question, cut at a word boundary. */
final class Titles {

    static final int MAX = 60;

    private Titles() {
    }

    static String fromQuestion(String question) {
        String flat = question.strip().replaceAll("\\s+", " ");
        if (flat.length() <= MAX) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', MAX - 1);
        return flat.substring(0, cut > MAX / 2 ? cut : MAX - 1) + "…";
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
