package dev.docent.knowledge.ingest;

/**
 * Told how an ingest goes, page by page; the command line draws a bar from it, an upload
 * job stores it.
 */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {
    };

    default void started(int pagesTotal) {
    }

    default void advanced(int pagesDone, int pagesTotal, int passages) {
    }

    default void skipped(String path, String reason) {
    }

}
