package dev.docent.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as the API shows it; {@code role} is "user" or "assistant"; {@code feedback}
 * is the chat owner's rating of an answer, or null.
 */
public record MessageView(UUID id, int seq, String role, String content, List<Source> sources, boolean interrupted,
        Instant createdAt, Feedback feedback) {

    public static final String USER = "user";

    public static final String ASSISTANT = "assistant";

    public MessageView(UUID id, int seq, String role, String content, List<Source> sources, boolean interrupted,
            Instant createdAt) {
        this(id, seq, role, content, sources, interrupted, createdAt, null);
    }

}
