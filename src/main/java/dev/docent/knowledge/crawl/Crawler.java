package dev.docent.knowledge.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One crawl of a published site: from a start page following links, or the pages a
 * sitemap lists, within the scope, robots.txt and the page limit, one request at a time
 * with a pause between. On a re-sync every page of the last crawl is asked for again with
 * its validators, so an unchanged page costs a 304 and a removed one is noticed.
 */
final class Crawler {

    static final Duration MAX_ROBOTS_DELAY = Duration.ofSeconds(30);

    private static final int MAX_SITEMAPS = 20;

    /** A page the last crawl fetched: its URL and the validators its server sent. */
    record Known(String url, PageFetcher.Validators validators) {
    }

    /** What to crawl. {@code startUrl} or {@code sitemapUrl} is null. */
    record Plan(CrawlScope scope, URI startUrl, URI sitemapUrl, int maxPages, Map<String, Known> known) {

        Plan {
            known = Map.copyOf(known);
        }
    }

    /** A page fetched anew. {@code format} is null when the path's extension says it. */
    record Fetched(String path, String url, String format, byte[] body, String etag, String lastModified) {
    }

    /**
     * What the crawl found.
     *
     * @param kept stored pages to keep as they are: not modified, or not reachable just
     * now
     * @param skipped what was not fetched or not kept, each with the reason
     */
    record Result(List<Fetched> fetched, Map<String, Known> kept, List<String> skipped, int requests) {
    }

    /** Told how far the crawl got. */
    @FunctionalInterface
    interface Progress {

        void crawled(int pages, int known);

    }

    /** Waits between requests; a test may wait less. */
    @FunctionalInterface
    interface Pause {

        void sleep(Duration duration) throws InterruptedException;

    }

    private final PageFetcher fetcher;

    private final Duration delay;

    private final Pause pause;

    Crawler(PageFetcher fetcher, Duration delay, Pause pause) {
        this.fetcher = fetcher;
        this.delay = delay;
        this.pause = pause;
    }

    Result crawl(Plan plan, Progress progress) throws InterruptedException {
        Run run = new Run(plan, progress);
        return run.go();
    }

    private final class Run {

        private final Plan plan;

        private final Progress progress;

        private final Deque<URI> queue = new ArrayDeque<>();

        private final Set<String> queued = new HashSet<>();

        private final Set<String> paths = new HashSet<>();

        private final List<Fetched> fetched = new ArrayList<>();

        private final Map<String, Known> kept = new LinkedHashMap<>();

        private final List<String> skipped = new ArrayList<>();

        private RobotsRules robots = RobotsRules.ALLOW_ALL;

        private Duration wait = delay;

        private int requests;

        private boolean first = true;

        Run(Plan plan, Progress progress) {
            this.plan = plan;
            this.progress = progress;
        }

        Result go() throws InterruptedException {
            readRobots();
            if (plan.sitemapUrl() != null) {
                readSitemaps();
            }
            else {
                enqueue(plan.startUrl());
            }
            for (Known known : plan.known().values()) {
                enqueue(URI.create(known.url()));
            }
            while (!queue.isEmpty() && fetched.size() + kept.size() < plan.maxPages()) {
                visit(queue.poll());
                progress.crawled(fetched.size() + kept.size(),
                        Math.min(plan.maxPages(), fetched.size() + kept.size() + queue.size()));
            }
            if (!queue.isEmpty()) {
                skipped.add("the crawl stopped at its limit of " + plan.maxPages() + " pages; " + queue.size()
                        + " more were found");
            }
            return new Result(fetched, kept, skipped, requests);
        }

        private void readRobots() throws InterruptedException {
            URI robotsUrl = URI.create(plan.scope().url()).resolve("/robots.txt");
            PageFetcher.Result result = request(robotsUrl, PageFetcher.Validators.NONE, plan.scope().host());
            if (result instanceof PageFetcher.Page page) {
                robots = RobotsRules.parse(new String(page.body(), StandardCharsets.UTF_8));
                if (robots.crawlDelay() != null && robots.crawlDelay().compareTo(wait) > 0) {
                    wait = robots.crawlDelay().compareTo(MAX_ROBOTS_DELAY) > 0 ? MAX_ROBOTS_DELAY : robots.crawlDelay();
                }
            }
        }

        private void readSitemaps() throws InterruptedException {
            Deque<URI> sitemaps = new ArrayDeque<>(List.of(plan.sitemapUrl()));
            int read = 0;
            while (!sitemaps.isEmpty() && read++ < MAX_SITEMAPS) {
                URI url = sitemaps.poll();
                PageFetcher.Result result = request(url, PageFetcher.Validators.NONE, plan.scope().host());
                if (!(result instanceof PageFetcher.Page page)) {
                    skipped.add(url + ": the sitemap " + describe(result));
                    continue;
                }
                Links.Sitemap sitemap = Links.ofSitemap(page.body());
                for (String loc : sitemap.pages()) {
                    plan.scope().page(url, loc).ifPresent(this::enqueue);
                }
                for (String loc : sitemap.sitemaps()) {
                    try {
                        sitemaps.add(url.resolve(loc.strip()));
                    }
                    catch (IllegalArgumentException e) {
                        skipped.add(loc + ": not a sitemap URL");
                    }
                }
            }
        }

        private void enqueue(URI url) {
            if (queued.add(url.toString())) {
                queue.add(url);
            }
        }

        private void visit(URI url) throws InterruptedException {
            String path = plan.scope().pathOf(url);
            if (!robots.allows(url.getRawPath())) {
                skipped.add(path + ": disallowed by robots.txt");
                return;
            }
            Known known = plan.known().get(path);
            PageFetcher.Result result = request(url, known == null ? PageFetcher.Validators.NONE : known.validators(),
                    null);
            switch (result) {
                case PageFetcher.NotModified notModified -> keep(path, known);
                case PageFetcher.Missing missing -> {
                    if (known != null) {
                        skipped.add(path + ": gone from the site (HTTP " + missing.status() + "), removed");
                    }
                    else {
                        skipped.add(path + ": not found (HTTP " + missing.status() + ")");
                    }
                }
                case PageFetcher.Failed failed -> {
                    if (known != null) {
                        keep(path, known);
                        skipped.add(path + ": " + failed.reason() + "; the stored copy is kept");
                    }
                    else {
                        skipped.add(path + ": " + failed.reason());
                    }
                }
                case PageFetcher.Page page -> take(path, page);
            }
        }

        private void keep(String path, Known known) {
            if (paths.add(path)) {
                kept.put(path, known);
            }
        }

        private void take(String path, PageFetcher.Page page) {
            String finalPath = plan.scope().contains(page.url()) ? plan.scope().pathOf(page.url()) : path;
            String type = page.contentType().toLowerCase(Locale.ROOT);
            String format = format(type);
            if (format == null) {
                skipped.add(finalPath + ": not a document (" + (type.isBlank() ? "no content type" : type) + ")");
                return;
            }
            if (!paths.add(finalPath)) {
                return; // reached again through a redirect
            }
            fetched.add(new Fetched(finalPath, page.url().toString(), extensionSays(finalPath, format) ? null : format,
                    page.body(), page.etag(), page.lastModified()));
            if (format.equals("html") && plan.sitemapUrl() == null) {
                for (String href : Links.ofPage(page.body())) {
                    plan.scope().page(page.url(), href).ifPresent(this::enqueue);
                }
            }
        }

        /**
         * @param host a host the redirects may stay on, or null to keep them to the scope
         */
        private PageFetcher.Result request(URI url, PageFetcher.Validators validators, String host)
                throws InterruptedException {
            if (!first) {
                pause.sleep(wait);
            }
            first = false;
            requests++;
            return fetcher.fetch(url, validators,
                    host == null ? plan.scope()::contains : next -> host.equalsIgnoreCase(next.getHost()));
        }

    }

    private static String describe(PageFetcher.Result result) {
        return switch (result) {
            case PageFetcher.Missing missing -> "was not found (HTTP " + missing.status() + ")";
            case PageFetcher.Failed failed -> "could not be read: " + failed.reason();
            case PageFetcher.NotModified notModified -> "did not change";
            case PageFetcher.Page page -> "was read";
        };
    }

    static String format(String contentType) {
        String type = contentType.split(";")[0].strip();
        return switch (type) {
            case "text/html", "application/xhtml+xml" -> "html";
            case "text/markdown", "text/x-markdown" -> "md";
            case "text/plain" -> "txt";
            case "application/pdf" -> "pdf";
            default -> null;
        };
    }

    private static boolean extensionSays(String path, String format) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return switch (format) {
            case "html" -> name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml");
            case "md" -> name.endsWith(".md") || name.endsWith(".markdown");
            case "txt" -> name.endsWith(".txt") || name.endsWith(".text");
            case "pdf" -> name.endsWith(".pdf");
            default -> false;
        };
    }

}
