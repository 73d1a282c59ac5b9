package dev.docent.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An upload's ingest as {@code GET /ingestions/{jobId}} shows it. */
public record IngestionJob(UUID jobId, UUID documentId, String slug, State state, int pagesDone, int pagesTotal,
        int passages, List<String> skipped, String error, Instant createdAt, Instant updatedAt) {

    public enum State {

        QUEUED, RUNNING, DONE, FAILED

    }
}
