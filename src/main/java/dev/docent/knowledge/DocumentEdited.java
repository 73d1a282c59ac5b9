package dev.docent.knowledge;

import java.util.UUID;

/** A document set's title or base URL changed; its pages and passages did not. */
public record DocumentEdited(UUID documentId) {
}
