package dev.docent.knowledge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

public class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void pythonSphinxPageKeepsContentAndDropsChrome() throws Exception {
        ParsedPage page = parser.parse("library/functools.html",
                sphinxPage("/usr/share/doc/python3.11/html/library/functools.html", "functools.html"));

        assertThat(page.title()).isEqualTo("functools — Higher-order functions and operations on callable objects");
        assertThat(page.sections()).extracting(Section::heading, Section::anchor)
            .contains(tuple(page.title(), "module-functools"), tuple("partial Objects", "partial-objects"));
        assertThat(allText(page)).contains("higher-order functions", "memoizing callable")
            .doesNotContain("Table of Contents", "Previous topic", "Report a Bug", "Show Source", "Quick search",
                    "Copyright", "Navigation", "doctools", "¶", "full-width-table");
        assertThat(codeOf(page)).anyMatch(code -> code.startsWith("@lru_cache\ndef count_vowels(sentence):\n"
                + "    return sum(sentence.count(vowel) for vowel in 'AEIOUaeiou')"));
    }

    @Test
    void referenceEntriesKeepTheirSignatureAndAnchor() throws Exception {
        ParsedPage page = parser.parse("library/functools.html",
                sphinxPage("/usr/share/doc/python3.11/html/library/functools.html", "functools.html"));

        List<Block.Entry> entries = page.sections()
            .stream()
            .flatMap(section -> section.blocks().stream())
            .filter(Block.Entry.class::isInstance)
            .map(Block.Entry.class::cast)
            .toList();

        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.anchor()).isEqualTo("functools.lru_cache");
            assertThat(entry.text()).contains("lru_cache(").doesNotContain("¶");
        });
        assertThat(allText(page)).contains("memoizing callable");
    }

    @Test
    void djangoSphinxPageWithoutMainLandmarkKeepsContentAndDropsChrome() throws Exception {
        ParsedPage page = parser.parse("topics/cache.html",
                sphinxPage("/usr/share/doc/python-django-doc/html/topics/cache.html", "cache.html"));

        assertThat(page.title()).isEqualTo("Django’s cache framework");
        assertThat(page.sections()).extracting(Section::heading, Section::anchor)
            .contains(tuple("Django’s cache framework", "django-s-cache-framework"),
                    tuple("Database caching", "database-caching"),
                    tuple("Creating the cache table", "creating-the-cache-table"));
        assertThat(allText(page)).contains("expensive calculation")
            .doesNotContain("Django 3.2.25 documentation", "Table of contents", "Table of Contents", "Previous topic",
                    "Quick search", "Last update", "Customizing authentication", "¶", "addClass");
        assertThat(codeOf(page)).contains("python manage.py createcachetable");
    }

    @Test
    void tableRowsBecomeText() throws Exception {
        ParsedPage page = parser.parse("t.html", """
                <html><body><main><h1 id="t">Table</h1>
                <table><tr><th>Argument</th><th>Meaning</th></tr><tr><td>maxsize</td><td>results kept</td></tr></table>
                </main></body></html>""".getBytes(StandardCharsets.UTF_8));

        assertThat(page.sections().getFirst().blocks()).extracting(Block::text)
            .containsExactly("Argument | Meaning", "maxsize | results kept");
    }

    @Test
    void markdownKeepsHeadingsWithAnchorsAndFencedCodeVerbatim() throws Exception {
        String markdown = """
                # Getting started

                Install the package first.

                ## Install it

                Run this:

                ```bash
                pip install   docent
                  --verbose
                ```

                ## Install it

                - once more
                """;

        ParsedPage page = parser.parse("guide/start.md", markdown.getBytes(StandardCharsets.UTF_8));

        assertThat(page.title()).isEqualTo("Getting started");
        assertThat(page.sections()).extracting(Section::heading, Section::anchor)
            .containsExactly(tuple("Getting started", "getting-started"), tuple("Install it", "install-it"),
                    tuple("Install it", "install-it-1"));
        assertThat(page.sections().get(1).blocks()).containsExactly(new Block.Prose("Run this:"),
                new Block.Code("pip install   docent\n  --verbose"));
        assertThat(page.sections().get(2).blocks()).containsExactly(new Block.Prose("once more"));
    }

    @Test
    void plainTextIsParagraphsTitledByItsFirstLine() throws Exception {
        String text = "Release notes\n\nFirst paragraph\nwrapped here.\n\n  \nSecond paragraph.\n";

        ParsedPage page = parser.parse("NOTES.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(page.title()).isEqualTo("Release notes");
        assertThat(page.sections()).singleElement()
            .satisfies(section -> assertThat(section.blocks()).extracting(Block::text)
                .containsExactly("Release notes", "First paragraph wrapped here.", "Second paragraph."));
    }

    @Test
    void pdfHasOneSectionPerPageWithText() throws Exception {
        byte[] pdf = pdf("Manual", "Hello from page one.", "", "Page three speaks.");

        ParsedPage page = parser.parse("manual.pdf", pdf);

        assertThat(page.title()).isEqualTo("Manual");
        assertThat(page.sections())
            .extracting(Section::heading, Section::anchor, section -> section.blocks().getFirst().text())
            .containsExactly(tuple("Page 1", "page=1", "Hello from page one."),
                    tuple("Page 3", "page=3", "Page three speaks."));
    }

    @Test
    void unreadableInputIsReportedNotHalfParsed() throws Exception {
        assertUnreadable("image.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "unsupported file type");
        assertUnreadable("broken.pdf", "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.UTF_8),
                "not a readable PDF");
        assertUnreadable("scanned.pdf", pdf(null, ""), "no extractable text");
        assertUnreadable("latin1.md", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "not UTF-8");
        assertUnreadable("blob.html", new byte[] { '<', 'p', '>', 0, 1, 2 }, "binary content");
        assertUnreadable("empty.html", "<html><body><nav>Home</nav></body></html>".getBytes(StandardCharsets.UTF_8),
                "no text");
        assertUnreadable("blank.txt", " \n\n ".getBytes(StandardCharsets.UTF_8), "no text");
    }

    private void assertUnreadable(String path, byte[] content, String reason) {
        assertThatThrownBy(() -> parser.parse(path, content)).isInstanceOf(UnreadablePageException.class)
            .hasMessageStartingWith(path + ": ")
            .hasMessageContaining(reason)
            .satisfies(e -> assertThat(((UnreadablePageException) e).path()).isEqualTo(path));
    }

    /**
     * The installed Debian docs when present, else a small page of the same shape shipped
     * with the tests.
     */
    public static byte[] sphinxPage(String installed, String fixture) throws IOException {
        Path path = Path.of(installed);
        if (Files.isReadable(path)) {
            return Files.readAllBytes(path);
        }
        try (InputStream in = DocumentParserTest.class.getResourceAsStream("/knowledge/" + fixture)) {
            return in.readAllBytes();
        }
    }

    private static String allText(ParsedPage page) {
        return page.title() + "\n" + page.sections()
            .stream()
            .flatMap(section -> Stream.concat(Stream.of(section.heading()), section.blocks().stream().map(Block::text)))
            .collect(Collectors.joining("\n"));
    }

    private static List<String> codeOf(ParsedPage page) {
        return page.sections()
            .stream()
            .flatMap(section -> section.blocks().stream())
            .filter(Block.Code.class::isInstance)
            .map(Block::text)
            .toList();
    }

    private static byte[] pdf(String title, String... pages) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.getDocumentInformation().setTitle(title);
            for (String text : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                if (!text.isEmpty()) {
                    try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                        content.newLineAtOffset(72, 700);
                        content.showText(text);
                        content.endText();
                    }
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

}
