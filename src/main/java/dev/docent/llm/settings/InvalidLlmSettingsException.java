package dev.docent.llm.settings;

/**
 * A {@code docent.llm} or {@code docent.embedding} value that cannot work; its message is
 * the one line an operator needs.
 */
public class InvalidLlmSettingsException extends IllegalArgumentException {

    public InvalidLlmSettingsException(String message) {
        super(message);
    }

}
