package dev.docent.assistant;

import dev.docent.assistant.prompt.PromptAssembler;
import dev.docent.assistant.prompt.Titles;
import dev.docent.chat.ChatHistory;
import dev.docent.llm.LanguageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A model-made title replaces the first-question one, after the answer is stored and off
 * the request path. Best effort: an event lost to a restart leaves the first-question
 * title, so no publication registry keeps it.
 */
@Component
class ChatTitles {

    private static final Logger log = LoggerFactory.getLogger(ChatTitles.class);

    private final ChatHistory history;

    private final LanguageModel model;

    ChatTitles(ChatHistory history, LanguageModel model) {
        this.history = history;
        this.model = model;
    }

    /** No transaction around it: the model call must not hold a database connection. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void name(QuestionAnswered answered) {
        if (!answered.first() || answered.outcome() == QuestionAnswered.Outcome.FAILED || !model.available()) {
            return;
        }
        try {
            String title = Titles.fromModel(model.complete(PromptAssembler.title(answered.question())));
            if (title != null) {
                history.rename(answered.user(), answered.chat(), title);
            }
        }
        catch (RuntimeException e) {
            log.info("Could not get a title from the model for chat {}: {}", answered.chat(), e.getMessage());
        }
    }

}
