package dev.docent.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as the API shows it; {@code role} is "user" or "assistant". {@code versions}
 * lists the ids of every version of this message (regenerated answers, edited questions),
 * oldest first; {@code version} is this one's place in it, from 1. {@code feedback} is
 * the chat owner's rating of an answer, or null.
 */
public record MessageView(UUID id, int seq, String role, String content, List<Source> sources, boolean interrupted,
        Instant createdAt, int version, List<UUID> versions, Feedback feedback) {

    public static final String USER = "user";

    public static final String ASSISTANT = "assistant";

    /** A message that has no other version and no rating. */
    public MessageView(UUID id, int seq, String role, String content, List<Source> sources, boolean interrupted,
            Instant createdAt) {
        this(id, seq, role, content, sources, interrupted, createdAt, null);
    }

    /** A message that has no other version. */
    public MessageView(UUID id, int seq, String role, String content, List<Source> sources, boolean interrupted,
            Instant createdAt, Feedback feedback) {
        this(id, seq, role, content, sources, interrupted, createdAt, 1, List.of(id), feedback);
    }

    MessageView withVersions(int version, List<UUID> versions) {
        return new MessageView(id, seq, role, content, sources, interrupted, createdAt, version, versions, feedback);
    }

}
