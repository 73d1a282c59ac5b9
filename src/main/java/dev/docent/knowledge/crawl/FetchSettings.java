package dev.docent.knowledge.crawl;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the crawler fetches published pages.
 *
 * @param allow hosts, addresses or CIDR ranges the fetcher may reach although they are
 * private, loopback or link-local (env {@code DOCENT_KNOWLEDGE_FETCH_ALLOW}, comma
 * separated), e.g. {@code docs.intranet,10.1.0.0/16}
 * @param delay the pause between two requests to the site (robots.txt may ask for more)
 * @param timeout the most one page may take, connection to last byte
 * @param maxPageSize the largest page read
 * @param maxRedirects redirects followed for one page
 * @param maxPages the page limit of a crawl that names none, and the most one may name
 */
@ConfigurationProperties("docent.knowledge.fetch")
public record FetchSettings(@DefaultValue List<String> allow, @DefaultValue("500ms") Duration delay,
        @DefaultValue("20s") Duration timeout, @DefaultValue("10MB") DataSize maxPageSize,
        @DefaultValue("5") int maxRedirects, @DefaultValue("2000") int maxPages) {
}
