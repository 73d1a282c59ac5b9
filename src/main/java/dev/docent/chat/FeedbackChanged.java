package dev.docent.chat;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.util.UUID;

/**
 * A rating was given, changed or withdrawn ({@code feedback} null), and committed.
 */
public record FeedbackChanged(UserId user, ChatId chat, UUID messageId, Feedback feedback) {
}
