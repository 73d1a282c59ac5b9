package dev.docent.assistant.prompt;

import dev.docent.shared.Text;

/** Chat titles made without a model: the first question, cut at a word boundary. */
public final class Titles {

    static final int MAX = 60;

    private Titles() {
    }

    public static String fromQuestion(String question) {
        return Text.shorten(question, MAX);
    }

    /** Cleans a model's title suggestion; null when nothing usable is left. */
    public static String fromModel(String suggestion) {
        String clean = suggestion.strip().replaceAll("^[\"'#*\\s]+|[\"'.*\\s]+$", "").replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() <= MAX ? clean : fromQuestion(clean);
    }

}
