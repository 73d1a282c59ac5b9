package dev.docent.chat;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;

/** A chat was deleted (by its reader or by retention), and the delete committed. */
public record ChatDeleted(UserId user, ChatId chat) {
}
