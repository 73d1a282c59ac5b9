package dev.docent.assistant;

import dev.docent.chat.Source;
import dev.docent.llm.ModelFailure;
import java.util.List;

/** The outcome of answering: what was said, what it cites, and why it ended. */
record Generated(String text, List<Source> sources, boolean interrupted, ModelFailure failure) {

    Generated(String text, boolean interrupted, ModelFailure failure) {
        this(text, List.of(), interrupted, failure);
    }

    Generated cited(List<Source> cited) {
        return new Generated(text, cited, interrupted, failure);
    }
}
