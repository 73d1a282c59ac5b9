package dev.docent.knowledge;

import java.util.UUID;

/**
 * A document set finished an ingest on this instance: its pages and passages are stored.
 */
public record DocumentIngested(UUID documentId, String slug, int pages, int passages) {
}
