package dev.docent.assistant;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;

/** The first question of a new chat has been answered, and the answer stored. */
public record QuestionAnswered(UserId user, ChatId chat, String question) {
}
