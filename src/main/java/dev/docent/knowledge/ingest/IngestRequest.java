package dev.docent.knowledge.ingest;

import java.util.List;

/**
 * A document set to ingest: all its files. Pages stored earlier that are not among them
 * are removed.
 *
 * @param baseUrl where the pages are published, to link citations to; null to link by
 * page path
 */
public record IngestRequest(String slug, String title, String baseUrl, List<SourceFile> files) {

    public IngestRequest {
        files = List.copyOf(files);
    }
}
