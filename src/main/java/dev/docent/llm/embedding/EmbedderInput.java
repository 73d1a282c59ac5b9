package dev.docent.llm.embedding;

import java.util.List;

/**
 * Blank text is the caller's mistake for every embedder alike: a model cannot embed it,
 * an endpoint answers 400.
 */
final class EmbedderInput {

    private EmbedderInput() {
    }

    static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        return text;
    }

    static List<String> requireText(List<String> texts) {
        texts.forEach(EmbedderInput::requireText);
        return texts;
    }

}
