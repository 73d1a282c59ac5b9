package dev.docent.knowledge;

import java.util.UUID;

/** A document set was deleted on this instance, with its pages and passages. */
public record DocumentDeleted(UUID documentId) {
}
