package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guide's pages are plain HTML, each repeating the same head, header and footer; this
 * keeps the copies equal, so a new page, or an edit to one page, cannot drift from the
 * rest. The index page is the model.
 */
class GuidePagesTest {

    private static final Path GUIDE = Path.of("src/main/resources/static/guide");

    private static final String INDEX = "index.html";

    private static final Map<String, Document> pages = new TreeMap<>();

    @BeforeAll
    static void readPages() throws IOException {
        try (Stream<Path> files = Files.list(GUIDE)) {
            for (Path page : files.filter(file -> file.toString().endsWith(".html")).toList()) {
                pages.put(page.getFileName().toString(), Jsoup.parse(Files.readString(page)));
            }
        }
    }

    @Test
    void theNavigationListsEveryPageOnce() {
        assertThat(navigation(pages.get(INDEX)).stream().map(link -> link.attr("href")))
            .containsExactlyInAnyOrderElementsOf(pages.keySet());
    }

    @Test
    void everyPageHasTheSameNavigationHeaderAndFooter() {
        Document model = pages.get(INDEX);
        pages.forEach((name, page) -> {
            assertThat(shared(page, "body > header")).as(name).isEqualTo(shared(model, "body > header"));
            assertThat(shared(page, "body > footer")).as(name).isEqualTo(shared(model, "body > footer"));
        });
    }

    @Test
    void everyPageMarksItselfAndOnlyItselfAsTheCurrentPage() {
        pages.forEach((name, page) -> assertThat(navigation(page)).as(name)
            .filteredOn(link -> link.hasAttr("aria-current"))
            .singleElement()
            .satisfies(link -> assertThat(link.attr("href")).isEqualTo(name))
            .satisfies(link -> assertThat(link.attr("aria-current")).isEqualTo("page")));
    }

    @Test
    void everyPageHasTheSameHeadButItsOwnTitleAndDescription() {
        Document model = pages.get(INDEX);
        pages.forEach((name, page) -> {
            assertThat(sharedHead(page)).as(name).isEqualTo(sharedHead(model));
            assertThat(page.title()).as(name)
                .matches(name.equals(INDEX) ? "Docent user guide" : ".+ — Docent user guide");
            assertThat(page.select("head > meta[name=description]")).as(name)
                .singleElement()
                .satisfies(meta -> assertThat(meta.attr("content")).isNotBlank());
            assertThat(page.select("head > title")).as(name).hasSize(1);
        });
        assertThat(pages.values().stream().map(Document::title)).doesNotHaveDuplicates();
    }

    private static List<Element> navigation(Document page) {
        return page.select("body > header > nav a");
    }

    /**
     * The element as it is on every page: the current-page mark is the only thing a page
     * may change.
     */
    private static String shared(Document page, String selector) {
        Element element = page.selectFirst(selector);
        if (element == null) {
            return "(no " + selector + ")";
        }
        Element copy = element.clone();
        copy.select("[aria-current]").removeAttr("aria-current");
        return copy.outerHtml();
    }

    private static String sharedHead(Document page) {
        Element head = page.head().clone();
        head.select("title, meta[name=description]").remove();
        return head.outerHtml();
    }

}
