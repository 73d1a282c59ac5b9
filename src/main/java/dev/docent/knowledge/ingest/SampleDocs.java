package dev.docent.knowledge.ingest;

import dev.docent.knowledge.KnowledgeSettings;
import dev.docent.knowledge.store.Documents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Docent's own user guide, shipped in the jar and served under {@value #BASE_URL}:
 * ingested on a first start with no documents, so a newcomer can ask a grounded question
 * at once and follow its citations.
 */
@Component
class SampleDocs {

    static final String SLUG = "docent-guide";
    static final String TITLE = "Docent user guide";
    static final String BASE_URL = "/guide/";
    static final String LOCATION = "classpath:static/guide/*.html";

    private static final Logger log = LoggerFactory.getLogger(SampleDocs.class);

    private final Ingestion ingestion;

    private final Documents documents;

    private final KnowledgeSettings settings;

    SampleDocs(Ingestion ingestion, Documents documents, KnowledgeSettings settings) {
        this.ingestion = ingestion;
        this.documents = documents;
        this.settings = settings;
    }

    /** Off the start, on the task executor's platform threads. */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    void atFirstStart() {
        if (settings.sampleDocs() && documents.all().isEmpty()) {
            ingestQuietly();
        }
    }

    /**
     * Ingests the guide; an error is logged, never fatal: the server works without it.
     */
    void ingestQuietly() {
        try {
            IngestReport report = ingest();
            log.info("Ingested the sample documents '{}': {} pages, {} passages", TITLE, report.pages(),
                    report.passages());
        }
        catch (RuntimeException e) {
            log.warn("Could not ingest the sample documents: {}", e.toString());
        }
    }

    IngestReport ingest() {
        return ingestion.ingest(new IngestRequest(SLUG, TITLE, BASE_URL, pages()), IngestProgress.NONE);
    }

    static List<SourceFile> pages() {
        try {
            List<SourceFile> pages = new ArrayList<>();
            for (Resource page : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                pages.add(new SourceFile(page.getFilename(), page::getContentAsByteArray));
            }
            return pages;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
