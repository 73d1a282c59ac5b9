package dev.docent.knowledge.store;

import java.util.UUID;

/**
 * A stored chunk as the search index holds it: what a citation needs, and the passage's
 * vector.
 */
public record IndexedPassage(UUID chunkId, UUID documentId, String documentTitle, String pagePath, String pageTitle,
        String section, String url, String text, float[] vector) {
}
