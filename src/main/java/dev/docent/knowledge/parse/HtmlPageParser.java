package dev.docent.knowledge.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML pages, Sphinx output in particular: the main content only, with its headings,
 * prose and code, and where each reference entry (a function, class or method signature
 * with an anchor) starts.
 */
final class HtmlPageParser {

    private static final List<String> MAIN_CONTENT = List.of("div[role=main]", "div.body", "main", "article",
            "[role=main]");

    private static final String CHROME = "script, style, noscript, template, nav, header, footer, form, button,"
            + " [role=navigation], [role=search], [role=banner], [role=contentinfo],"
            + " .sphinxsidebar, .related, .footer, #searchbox, .viewcode-link";

    private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "li", "ul", "ol", "dl", "dt", "dd",
            "blockquote", "table", "caption", "figure", "figcaption", "aside", "details", "summary", "hr", "br", "main",
            "article", "body");

    ParsedPage parse(String path, byte[] content) throws UnreadablePageException {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(content), null, "");
        }
        catch (IOException e) {
            throw new UnreadablePageException(path, "not readable as HTML", e);
        }
        Map<Element, String> anchors = new IdentityHashMap<>();
        document.select(HEADINGS).forEach(heading -> anchors.put(heading, anchorOf(heading)));
        document.select(CHROME).remove();
        // Sphinx's pilcrow links are markup, not text: without this every heading ends in
        // "¶".
        document.select("a.headerlink").remove();

        Element main = mainContent(document);
        Element firstHeading = main.selectFirst(HEADINGS);
        String title = firstHeading != null ? firstHeading.text() : document.title().strip();
        if (title.isEmpty()) {
            title = DocumentParser.fileName(path);
        }
        Outline outline = new Outline(title);
        NodeTraversor.filter(new ContentWalk(outline, anchors), main);
        List<Section> sections = outline.sections();
        if (sections.isEmpty()) {
            throw new UnreadablePageException(path, "no text in the page");
        }
        return new ParsedPage(path, title, sections);
    }

    private static Element mainContent(Document document) {
        for (String selector : MAIN_CONTENT) {
            Element main = document.selectFirst(selector);
            if (main != null) {
                return main;
            }
        }
        // Themes without a main landmark (Django's) still wrap the text in Sphinx
        // sections.
        Element section = document.selectFirst("section, div.section");
        if (section != null && section.parent() != null) {
            return section.parent();
        }
        return document.body();
    }

    private static String anchorOf(Element heading) {
        Element permalink = heading.selectFirst("a.headerlink[href^=#]");
        if (permalink != null) {
            return permalink.attr("href").substring(1);
        }
        if (heading.hasAttr("id")) {
            return heading.id();
        }
        Element parent = heading.parent();
        if (parent != null && (parent.tagName().equals("section") || parent.hasClass("section"))) {
            return parent.id();
        }
        return "";
    }

    private static final class ContentWalk implements NodeFilter {

        private final Outline outline;

        private final Map<Element, String> anchors;

        private final StringBuilder prose = new StringBuilder();

        ContentWalk(Outline outline, Map<Element, String> anchors) {
            this.outline = outline;
            this.anchors = anchors;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                prose.append(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.tagName();
            if (anchors.containsKey(element)) {
                flush();
                outline.section(element.text(), anchors.get(element));
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("dt") && element.hasClass("sig") && element.hasAttr("id")) {
                flush();
                outline.entry(element.text(), element.id());
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("pre")) {
                flush();
                outline.code(element.wholeText());
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("tr")) {
                flush();
                outline.prose(element.children().stream().map(Element::text).collect(Collectors.joining(" | ")));
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BLOCKS.contains(tag)) {
                flush();
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.tagName())) {
                flush();
            }
            return FilterResult.CONTINUE;
        }

        private void flush() {
            outline.prose(prose.toString());
            prose.setLength(0);
        }

    }

}
