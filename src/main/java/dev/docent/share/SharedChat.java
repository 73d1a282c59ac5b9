package dev.docent.share;

import dev.docent.chat.ChatView;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;
import java.time.Instant;
import java.util.List;

/**
 * What a share link shows: the conversation's visible path when it was shared, and
 * nothing that names its owner, the chat or the owner's other chats.
 */
public record SharedChat(String title, Instant sharedAt, List<SharedMessage> messages) {

    public record SharedMessage(String role, String content, List<Source> sources, boolean interrupted) {
    }

    static SharedChat of(ChatView chat, Instant sharedAt) {
        return new SharedChat(chat.title(), sharedAt, chat.messages().stream().map(SharedChat::message).toList());
    }

    private static SharedMessage message(MessageView message) {
        return new SharedMessage(message.role(), message.content(), message.sources(), message.interrupted());
    }

}
