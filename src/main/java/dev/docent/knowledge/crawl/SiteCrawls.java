package dev.docent.knowledge.crawl;

import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.ingest.DocumentNames;
import dev.docent.knowledge.ingest.IngestProgress;
import dev.docent.knowledge.ingest.IngestReport;
import dev.docent.knowledge.ingest.IngestRequest;
import dev.docent.knowledge.ingest.Ingestion;
import dev.docent.knowledge.ingest.SourceFile;
import dev.docent.knowledge.upload.Uploads;
import dev.docent.shared.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Document sets ingested from their published site: a crawl creates one, a sync brings it
 * up to date (on demand, or on the {@code DOCENT_KNOWLEDGE_SYNC_CRON} schedule). Each
 * runs as an ingestion job, queued with the uploads, with the same progress and report.
 */
@Service
public class SiteCrawls implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SiteCrawls.class);

    /** A scheduled sync another instance started this recently is left to it. */
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final KnowledgeBase knowledge;

    private final Ingestion ingestion;

    private final Uploads jobs;

    private final CrawlSources sources;

    private final FetchSettings settings;

    private final Clock clock;

    private final AddressGuard guard;

    private final PageFetcher fetcher;

    SiteCrawls(KnowledgeBase knowledge, Ingestion ingestion, Uploads jobs, CrawlSources sources, FetchSettings settings,
            Clock clock) {
        this.knowledge = knowledge;
        this.ingestion = ingestion;
        this.jobs = jobs;
        this.sources = sources;
        this.settings = settings;
        this.clock = clock;
        this.guard = new AddressGuard(settings.allow());
        this.fetcher = new PageFetcher(guard, settings.timeout(), settings.maxPageSize().toBytes(),
                settings.maxRedirects());
    }

    /**
     * Checks the request and queues the crawl; returns the job's id.
     * @throws Problem 400 naming a bad field (an address the fetcher refuses included),
     * 409 when the slug is taken
     */
    public UUID crawl(CrawlRequest request) {
        boolean fromSitemap = request.sitemapUrl() != null && !request.sitemapUrl().isBlank();
        boolean fromStart = request.startUrl() != null && !request.startUrl().isBlank();
        if (fromSitemap == fromStart) {
            throw Problem.invalid(fromStart ? "sitemapUrl" : "startUrl",
                    fromStart ? "give either a startUrl (the crawl follows its links) or a sitemapUrl, not both"
                            : "give a startUrl (the crawl follows its links) or a sitemapUrl");
        }
        String field = fromStart ? "startUrl" : "sitemapUrl";
        URI entry = webUrl(field, fromStart ? request.startUrl() : request.sitemapUrl());
        try {
            guard.check(entry);
        }
        catch (AddressGuard.Refused refused) {
            throw Problem.invalid(field, refused.getMessage());
        }
        boolean baseGiven = request.baseUrl() != null && !request.baseUrl().isBlank();
        URI prefix = baseGiven ? webUrl("baseUrl", request.baseUrl()) : entry;
        CrawlScope scope = CrawlScope
            .of(baseGiven && !prefix.getRawPath().endsWith("/") ? URI.create(prefix.toString() + "/") : prefix);
        if (fromStart && !scope.contains(entry)) {
            throw Problem.invalid("startUrl", "must be under the baseUrl " + scope.url());
        }
        if (fromSitemap && !scope.host().equalsIgnoreCase(entry.getHost())) {
            throw Problem.invalid("sitemapUrl", "must be on the same host as the baseUrl");
        }
        int maxPages = request.maxPages() == null ? settings.maxPages() : request.maxPages();
        if (maxPages < 1 || maxPages > settings.maxPages()) {
            throw Problem.invalid("maxPages", "must be between 1 and " + settings.maxPages());
        }
        String baseUrl = scope.url();
        DocumentNames.requireValid(request.slug(), request.title(), baseUrl);
        knowledge.requireNew(request.slug());
        CrawlSources.Source source = new CrawlSources.Source(null, fromStart ? entry.toString() : null,
                fromSitemap ? entry.toString() : null, scope.url(), maxPages);
        return jobs.submit(request.slug(),
                progress -> run(request.slug(), request.title(), baseUrl, source, Map.of(), progress));
    }

    /**
     * Queues a re-sync of a crawled set: pages changed on the site are read again, new
     * ones added, removed ones removed; returns the job's id.
     * @throws Problem 404 for no such set, 409 for a set that was not crawled
     */
    public UUID sync(UUID documentId) {
        DocumentView document = knowledge.document(documentId)
            .orElseThrow(() -> Problem.notFound("Document " + documentId));
        CrawlSources.Source source = sources.find(documentId)
            .orElseThrow(() -> Problem.conflict("not-crawled", "The document set '" + document.slug()
                    + "' was uploaded, not crawled from a site: upload its files again to update it."));
        return queueSync(document, source);
    }

    private UUID queueSync(DocumentView document, CrawlSources.Source source) {
        return jobs.submit(document.slug(), progress -> {
            // the set's title and base URL as they are now: an edit since the crawl stays
            DocumentView current = knowledge.document(document.id())
                .orElseThrow(() -> Problem.notFound("Document " + document.id()));
            return run(current.slug(), current.title(), current.baseUrl(), source, sources.pages(document.id()),
                    progress);
        });
    }

    /** Syncs every crawled set on the schedule, unless another instance just did. */
    @Scheduled(cron = "${docent.knowledge.sync.cron:-}")
    void syncAll() {
        for (UUID id : sources.all()) {
            if (!sources.claim(id, clock.instant(), clock.instant().minus(CLAIM))) {
                continue;
            }
            knowledge.document(id).ifPresent(document -> sources.find(id).ifPresent(source -> {
                UUID job = queueSync(document, source);
                log.info("Scheduled sync of '{}' queued as job {}", document.slug(), job);
            }));
        }
    }

    private IngestReport run(String slug, String title, String baseUrl, CrawlSources.Source source,
            Map<String, Crawler.Known> known, IngestProgress progress) {
        CrawlScope scope = CrawlScope.of(URI.create(source.urlPrefix()));
        Crawler.Plan plan = new Crawler.Plan(scope, source.startUrl() == null ? null : URI.create(source.startUrl()),
                source.sitemapUrl() == null ? null : URI.create(source.sitemapUrl()), source.maxPages(), known);
        Crawler.Result crawled;
        try {
            crawled = new Crawler(fetcher, settings.delay(), duration -> Thread.sleep(duration)).crawl(plan,
                    (pages, total) -> progress.advanced(pages, Math.max(total, 1), 0));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.conflict("crawl-interrupted", "The crawl was interrupted: the server is stopping.");
        }
        if (crawled.fetched().isEmpty() && crawled.kept().isEmpty()) {
            throw Problem.invalid(source.startUrl() != null ? "startUrl" : "sitemapUrl",
                    "no page could be fetched from "
                            + (source.startUrl() != null ? source.startUrl() : source.sitemapUrl())
                            + reasons(crawled.skipped()));
        }
        List<SourceFile> files = new ArrayList<>();
        Map<String, Crawler.Known> pages = new LinkedHashMap<>(crawled.kept());
        for (Crawler.Fetched page : crawled.fetched()) {
            files.add(new SourceFile(page.path(), page::body, page.format()));
            pages.put(page.path(),
                    new Crawler.Known(page.url(), new PageFetcher.Validators(page.etag(), page.lastModified())));
        }
        IngestReport report = ingestion.ingest(new IngestRequest(slug, title, baseUrl, files, crawled.kept().keySet()),
                progress);
        sources.save(new CrawlSources.Source(report.documentId(), source.startUrl(), source.sitemapUrl(),
                source.urlPrefix(), source.maxPages()), pages, clock.instant());
        log.info("Crawled '{}': {} requests, {} pages fetched, {} not modified, {} skipped", slug, crawled.requests(),
                crawled.fetched().size(), crawled.kept().size(), crawled.skipped().size());
        List<String> skipped = new ArrayList<>(crawled.skipped());
        skipped.addAll(report.skipped());
        return new IngestReport(report.documentId(), report.changed(), report.unchanged(), report.removed(),
                report.passages(), skipped, report.took());
    }

    private static String reasons(List<String> skipped) {
        return skipped.isEmpty() ? "" : " (" + String.join("; ", skipped.stream().limit(3).toList()) + ")";
    }

    private static URI webUrl(String field, String value) {
        try {
            URI url = new URI(value.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && value.length() <= 2000
                    && url.getRawUserInfo() == null) {
                return url.normalize();
            }
        }
        catch (URISyntaxException e) {
            // reported below
        }
        throw Problem.invalid(field, "must be an http(s) URL with a host, at most 2000 characters");
    }

    @Override
    public void destroy() {
        fetcher.close();
    }

}
