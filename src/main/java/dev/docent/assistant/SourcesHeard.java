package dev.docent.assistant;

import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Passes a turn's events on and keeps the passages that were retrieved, where the stored
 * answer keeps only those it cites.
 */
final class SourcesHeard implements TurnListener {

    private final TurnListener next;

    private volatile List<Source> sources = List.of();

    SourcesHeard(TurnListener next) {
        this.next = next;
    }

    List<Source> sources() {
        return sources;
    }

    @Override
    public void meta(UUID chatId, UUID userMessageId) throws IOException {
        next.meta(chatId, userMessageId);
    }

    @Override
    public void retrieved(List<Source> passages) {
        this.sources = List.copyOf(passages);
        next.retrieved(passages);
    }

    @Override
    public void sources(List<Source> announced) throws IOException {
        next.sources(announced);
    }

    @Override
    public void token(String text) throws IOException {
        next.token(text);
    }

    @Override
    public void done(MessageView answer, ChatSummary chat) throws IOException {
        next.done(answer, chat);
    }

    @Override
    public void waiting() throws IOException {
        next.waiting();
    }

}
