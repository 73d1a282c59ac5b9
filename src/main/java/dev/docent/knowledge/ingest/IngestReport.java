package dev.docent.knowledge.ingest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What an ingest did.
 *
 * @param changed pages parsed and stored anew (new or edited)
 * @param unchanged pages whose content matched what was stored, left as they were
 * @param removed pages stored earlier and no longer in the set (or no longer readable)
 * @param passages passages embedded and stored by this ingest
 * @param skipped files not ingested, each with the reason
 */
public record IngestReport(UUID documentId, int changed, int unchanged, int removed, int passages, List<String> skipped,
        Duration took) {

    public int pages() {
        return changed + unchanged;
    }

    public double passagesPerSecond() {
        double seconds = took.toNanos() / 1e9;
        return seconds <= 0 ? 0 : passages / seconds;
    }
}
