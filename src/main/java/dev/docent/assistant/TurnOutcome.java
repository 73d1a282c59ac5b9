package dev.docent.assistant;

import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;

/** A finished turn: the chat as it now is, the question and the answer. */
public record TurnOutcome(ChatSummary chat, MessageView question, MessageView answer) {
}
