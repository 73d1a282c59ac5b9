package dev.docent.knowledge.ingest;

import java.util.List;
import java.util.Set;

/**
 * A document set to ingest: all its files. Pages stored earlier that are not among them
 * are removed.
 *
 * @param baseUrl where the pages are published, to link citations to; null to link by
 * page path
 * @param unchanged paths of stored pages known not to have changed without reading them
 * (a published page whose server answered 304 Not Modified): they are kept as they are
 */
public record IngestRequest(String slug, String title, String baseUrl, List<SourceFile> files, Set<String> unchanged) {

    public IngestRequest {
        files = List.copyOf(files);
        unchanged = Set.copyOf(unchanged);
    }

    public IngestRequest(String slug, String title, String baseUrl, List<SourceFile> files) {
        this(slug, title, baseUrl, files, Set.of());
    }
}
