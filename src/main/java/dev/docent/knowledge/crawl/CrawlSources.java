package dev.docent.knowledge.crawl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where each crawled set comes from, and what its pages' servers said last time
 * (validators for the next conditional GET).
 */
@Repository
class CrawlSources {

    /** A set's published source: a start page or a sitemap, and the prefix kept to. */
    record Source(UUID documentId, String startUrl, String sitemapUrl, String urlPrefix, int maxPages) {
    }

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final TransactionTemplate transactions;

    CrawlSources(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    Optional<Source> find(UUID document) {
        return jdbc.sql("select * from crawl_sources where document_id = ?")
            .param(document)
            .query((rs, row) -> new Source(document, rs.getString("start_url"), rs.getString("sitemap_url"),
                    rs.getString("url_prefix"), rs.getInt("max_pages")))
            .optional();
    }

    List<UUID> all() {
        return jdbc.sql("select document_id from crawl_sources order by document_id").query(UUID.class).list();
    }

    /**
     * Takes a scheduled sync for this instance: true unless another instance started one
     * since {@code notSince}.
     */
    boolean claim(UUID document, Instant now, Instant notSince) {
        return jdbc.sql("""
                update crawl_sources set sync_claimed_at = ?
                where document_id = ? and (sync_claimed_at is null or sync_claimed_at < ?)""")
            .params(Timestamp.from(now), document, Timestamp.from(notSince))
            .update() == 1;
    }

    Map<String, Crawler.Known> pages(UUID document) {
        Map<String, Crawler.Known> pages = new HashMap<>();
        jdbc.sql("select path, url, etag, last_modified from crawled_pages where document_id = ?")
            .param(document)
            .query(rs -> {
                pages.put(rs.getString("path"), new Crawler.Known(rs.getString("url"),
                        new PageFetcher.Validators(rs.getString("etag"), rs.getString("last_modified"))));
            });
        return pages;
    }

    /** Records the set's source and the pages of its latest crawl, replacing the last. */
    void save(Source source, Map<String, Crawler.Known> pages, Instant now) {
        UUID document = source.documentId();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from crawl_sources where document_id = ?").param(document).update();
            jdbc.sql(
                    """
                            insert into crawl_sources (document_id, start_url, sitemap_url, url_prefix, max_pages, last_synced_at)
                            values (?, ?, ?, ?, ?, ?)""")
                .params(document, source.startUrl(), source.sitemapUrl(), source.urlPrefix(), source.maxPages(),
                        Timestamp.from(now))
                .update();
            jdbc.sql("delete from crawled_pages where document_id = ?").param(document).update();
            template.batchUpdate("""
                    insert into crawled_pages (document_id, path, url, etag, last_modified) values (?, ?, ?, ?, ?)""",
                    pages.entrySet()
                        .stream()
                        .map(page -> new Object[] { document, page.getKey(), page.getValue().url(),
                                cut(page.getValue().validators().etag(), 500),
                                cut(page.getValue().validators().lastModified(), 100) })
                        .toList());
        });
    }

    private static String cut(String value, int max) {
        // a validator too long to store is dropped: the page is then fetched in full
        return value == null || value.length() > max ? null : value;
    }

}
