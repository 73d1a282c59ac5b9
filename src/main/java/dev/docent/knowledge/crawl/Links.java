package dev.docent.knowledge.crawl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** The links a crawl follows: a page's anchors, a sitemap's locations. */
final class Links {

    /** A sitemap: its page URLs, and the sitemaps a sitemap index names. */
    record Sitemap(List<String> pages, List<String> sitemaps) {
    }

    private Links() {
    }

    static List<String> ofPage(byte[] html) {
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        return page.select("a[href]").stream().map(a -> a.attr("href")).filter(href -> !href.isBlank()).toList();
    }

    /** Parsed as XML without resolving entities or fetching anything it names. */
    static Sitemap ofSitemap(byte[] xml) {
        Document sitemap = Jsoup.parse(new String(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        return new Sitemap(sitemap.select("urlset > url > loc").eachText(),
                sitemap.select("sitemapindex > sitemap > loc").eachText());
    }

}
