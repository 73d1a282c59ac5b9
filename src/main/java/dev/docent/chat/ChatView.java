package dev.docent.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A chat with its most recent messages (oldest first); {@code hasMore} says older ones
 * exist.
 */
public record ChatView(UUID id, String title, Category category, UUID documentId, Instant createdAt, Instant updatedAt,
        List<MessageView> messages, boolean hasMore) {
}
