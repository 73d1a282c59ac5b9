package dev.docent.assistant;

import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * What a turn tells its client as it goes. Throwing IOException means the client is gone.
 */
public interface TurnListener {

    TurnListener SILENT = new TurnListener() {
    };

    default void meta(UUID chatId, UUID userMessageId) throws IOException {
    }

    /**
     * The passages retrieved for the question, cited or not: what the insights show
     * beside a question the documents did not answer. Not sent to clients.
     */
    default void retrieved(List<Source> passages) {
    }

    default void sources(List<Source> sources) throws IOException {
    }

    default void token(String text) throws IOException {
    }

    default void done(MessageView answer, ChatSummary chat) throws IOException {
    }

    /**
     * Called while the model is silent, so a client that left is noticed without waiting
     * for a token.
     */
    default void waiting() throws IOException {
    }

}
