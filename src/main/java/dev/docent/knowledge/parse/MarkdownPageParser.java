package dev.docent.knowledge.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Markdown: headings (with GitHub-style anchors), prose, and code blocks kept verbatim.
 */
final class MarkdownPageParser {

    private final Parser parser = Parser.builder().build();

    ParsedPage parse(String path, String markdown) throws UnreadablePageException {
        Node document = parser.parse(markdown);
        String title = firstHeading(document);
        if (title == null) {
            title = DocumentParser.fileName(path);
        }
        Outline outline = new Outline(title);
        document.accept(new ContentWalk(outline));
        var sections = outline.sections();
        if (sections.isEmpty()) {
            throw new UnreadablePageException(path, "no text in the page");
        }
        return new ParsedPage(path, title, sections);
    }

    private static String firstHeading(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                return plainText(heading);
            }
        }
        return null;
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                text.append(' ');
            }
        });
        return text.toString().strip();
    }

    private static final class ContentWalk extends AbstractVisitor {

        private final Outline outline;

        private final Map<String, Integer> slugs = new HashMap<>();

        ContentWalk(Outline outline) {
            this.outline = outline;
        }

        @Override
        public void visit(Heading heading) {
            String text = plainText(heading);
            outline.section(text, uniqueSlug(text));
        }

        @Override
        public void visit(Paragraph paragraph) {
            outline.prose(plainText(paragraph));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            outline.code(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            outline.code(code.getLiteral());
        }

        @Override
        public void visit(HtmlBlock html) {
            outline.prose(Jsoup.parse(html.getLiteral()).text());
        }

        // The anchors GitHub and most Markdown renderers generate, so links land on the
        // heading.
        private String uniqueSlug(String heading) {
            String slug = heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int seen = slugs.merge(slug, 1, Integer::sum) - 1;
            return seen == 0 ? slug : slug + "-" + seen;
        }

    }

}
