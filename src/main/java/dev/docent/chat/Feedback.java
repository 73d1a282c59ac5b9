package dev.docent.chat;

import java.time.Instant;
import java.util.List;

/**
 * A reader's rating of an answer: {@code rating} "up" or "down"; a down-vote may say why
 * ({@link #REASONS}) and add a comment.
 */
public record Feedback(String rating, String reason, String comment, Instant updatedAt) {

    public static final String UP = "up";

    public static final String DOWN = "down";

    public static final List<String> REASONS = List.of("wrong", "not-covered", "outdated", "unclear", "other");

}
