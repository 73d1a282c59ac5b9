package dev.docent.knowledge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.knowledge.chunk.Chunk;
import dev.docent.knowledge.chunk.Chunker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Docent's own user guide, the sample documents: every page must ingest into anchored,
 * citable passages.
 */
class SampleGuideTest {

    /** Where the sample documents are read from when they are ingested. */
    private static final String PAGES = "classpath:static/guide/*.html";

    private static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

    private static final Map<String, byte[]> pages = new HashMap<>();

    private final DocumentParser parser = new DocumentParser();

    private final Chunker chunker = new Chunker();

    @BeforeAll
    static void readPages() throws IOException {
        for (Resource page : new PathMatchingResourcePatternResolver().getResources(PAGES)) {
            pages.put(page.getFilename(), page.getContentAsByteArray());
        }
    }

    @Test
    void theGuideHasAnIndexAndSeveralPages() {
        assertThat(pages).containsKey("index.html");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void everyPageHasATitleAndSeveralSectionsEachWithASlugAnchor() throws Exception {
        for (String name : pages.keySet()) {
            ParsedPage page = parse(name);

            assertThat(page.title()).as(name).isNotBlank();
            assertThat(html(name).title()).as(name).startsWith(page.title());
            assertThat(page.sections()).as(name).hasSizeGreaterThanOrEqualTo(4);
            assertThat(page.sections()).as(name)
                .allSatisfy(section -> assertThat(section.anchor()).matches(SLUG))
                .extracting(Section::anchor)
                .doesNotHaveDuplicates();
        }
    }

    @Test
    void everyPageYieldsPassagesLinkedToTheirSection() throws Exception {
        for (String name : pages.keySet()) {
            ParsedPage page = parse(name);

            List<Chunk> chunks = chunker.chunk(page);

            Set<String> anchored = page.sections()
                .stream()
                .map(section -> name + "#" + section.anchor())
                .collect(Collectors.toSet());
            assertThat(chunks).as(name).allSatisfy(chunk -> {
                assertThat(chunk.url()).isIn(anchored);
                assertThat(chunk.text()).isNotBlank();
            });
            assertThat(chunks).extracting(Chunk::url).as(name).containsAll(anchored);
        }
    }

    @Test
    void onlyTheMainContentIsIndexed() throws Exception {
        for (String name : pages.keySet()) {
            Document html = html(name);
            byte[] mainOnly = ("<!doctype html><html><body>" + html.selectFirst("main").outerHtml() + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);

            ParsedPage page = parse(name);

            assertThat(page).as(name).isEqualTo(parser.parse(name, mainOnly));
            assertThat(page.sections().getFirst().heading()).as(name).isEqualTo(html.selectFirst("main h1").text());
        }
    }

    @Test
    void linksBetweenPagesLandOnExistingPagesAndAnchors() {
        List<String> broken = new ArrayList<>();
        for (String name : pages.keySet()) {
            for (Element link : html(name).select("a[href]")) {
                String href = link.attr("href");
                if (href.contains("://")) {
                    continue;
                }
                String target = href.startsWith("#") ? name : href.replaceFirst("#.*", "");
                String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
                if (!pages.containsKey(target) || (!anchor.isEmpty() && html(target).getElementById(anchor) == null)) {
                    broken.add(name + " → " + href);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void pagesNeedNothingTheContentSecurityPolicyForbids() {
        for (String name : pages.keySet()) {
            Document html = html(name);

            assertThat(html.select("script, style, [style]")).as(name).isEmpty();
            List<String> handlers = html.getAllElements()
                .stream()
                .flatMap(element -> element.attributes().asList().stream())
                .map(Attribute::getKey)
                .filter(key -> key.startsWith("on"))
                .toList();
            assertThat(handlers).as(name).isEmpty();
            assertThat(html.select("link[rel=stylesheet]").eachAttr("href")).as(name).containsExactly("guide.css");
            assertThat(html.selectFirst("html").attr("lang")).as(name).isEqualTo("en");
        }
    }

    private ParsedPage parse(String name) throws UnreadablePageException {
        return parser.parse(name, pages.get(name));
    }

    private static Document html(String name) {
        return Jsoup.parse(new String(pages.get(name), StandardCharsets.UTF_8));
    }

}
