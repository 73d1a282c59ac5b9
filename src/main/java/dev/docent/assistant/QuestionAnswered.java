package dev.docent.assistant;

import dev.docent.chat.Category;
import dev.docent.chat.Source;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A question has been answered (or has failed), and what was said is stored. Published
 * for every turn; {@code first} marks a new chat's first question.
 *
 * @param answerId the stored answer, or null when none was stored
 * @param cited the passages the answer cites
 * @param retrieved the passages retrieved for the question, cited or not
 */
public record QuestionAnswered(UserId user, ChatId chat, String question, boolean first, Category category,
        UUID documentId, Instant askedAt, UUID answerId, Outcome outcome, List<Source> cited, List<Source> retrieved) {

    /** How a turn ended, as the insights count it. */
    public enum Outcome {

        /** Answered citing the documentation (or, in a general chat, by the model). */
        ANSWERED,
        /** A documentation answer that cites nothing: the documents did not cover it. */
        NOT_COVERED,
        /** Stopped by the reader, or cut short when the reader left. */
        STOPPED,
        /** The model or the store failed. */
        FAILED

    }

    public QuestionAnswered {
        cited = List.copyOf(cited);
        retrieved = List.copyOf(retrieved);
    }

}
