package dev.docent.llm;

/**
 * A {@code docent.llm} or {@code docent.embedding} value that cannot work; its message is
 * the one line an operator needs.
 */
class InvalidLlmSettingsException extends IllegalArgumentException {

    InvalidLlmSettingsException(String message) {
        super(message);
    }

}
