package dev.docent.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * A document set as the API lists it. {@code ingestedAt} is null until its first ingest
 * has finished.
 */
public record DocumentView(UUID id, String slug, String title, String baseUrl, int pageCount, int chunkCount,
        Instant ingestedAt) {
}
