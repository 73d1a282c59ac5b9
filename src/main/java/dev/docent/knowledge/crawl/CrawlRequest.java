package dev.docent.knowledge.crawl;

/**
 * A document set to create from its published site: from {@code startUrl} following
 * links, or from the pages {@code sitemapUrl} lists.
 *
 * @param baseUrl the prefix the crawl keeps to and citations link to; by default the
 * start page's (or sitemap's) directory
 * @param maxPages the most pages to ingest; by default the configured limit
 */
public record CrawlRequest(String slug, String title, String startUrl, String sitemapUrl, String baseUrl,
        Integer maxPages) {
}
