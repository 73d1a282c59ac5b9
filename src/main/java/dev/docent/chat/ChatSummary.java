package dev.docent.chat;

import java.time.Instant;
import java.util.UUID;

public record ChatSummary(UUID id, String title, Category category, UUID documentId, Instant updatedAt,
        int messageCount, String preview) {
}
