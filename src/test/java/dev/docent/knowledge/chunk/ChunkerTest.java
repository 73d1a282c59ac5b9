package dev.docent.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.docent.knowledge.parse.Block;
import dev.docent.knowledge.parse.DocumentParser;
import dev.docent.knowledge.parse.DocumentParserTest;
import dev.docent.knowledge.parse.ParsedPage;
import dev.docent.knowledge.parse.Section;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private final Chunker chunker = new Chunker();

    @Test
    void longProseIsCutIntoPassagesOfAboutThreeHundredWordsThatOverlap() {
        ParsedPage page = page(new Section("Intro", "intro", List.of(new Block.Prose(words("w", 1000)))));

        List<Chunk> chunks = chunker.chunk(page);

        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(chunks).allSatisfy(chunk -> assertThat(wordCount(chunk.text())).isBetween(1, Chunker.TARGET_WORDS));
        assertThat(chunks.subList(0, chunks.size() - 1))
            .allSatisfy(chunk -> assertThat(wordCount(chunk.text())).isEqualTo(Chunker.TARGET_WORDS));
        for (int i = 1; i < chunks.size(); i++) {
            List<String> previous = List.of(chunks.get(i - 1).text().split(" "));
            List<String> overlap = previous.subList(previous.size() - Chunker.OVERLAP_WORDS, previous.size());
            assertThat(chunks.get(i).text()).startsWith(String.join(" ", overlap) + " ");
        }
        String joined = chunks.stream().map(Chunk::text).collect(Collectors.joining(" "));
        assertThat(joined).contains("w0 ", "w999");
    }

    @Test
    void everyPassageKnowsItsPageSectionAndAnchoredUrl() {
        ParsedPage page = page(new Section("Title", "", List.of(new Block.Prose("Opening words."))),
                new Section("Usage", "usage", List.of(new Block.Prose("How to use it."))));

        List<Chunk> chunks = chunker.chunk(page);

        assertThat(chunks).containsExactly(
                new Chunk("lib/page.html", "Page title", "Title", "lib/page.html", 0, "Opening words."),
                new Chunk("lib/page.html", "Page title", "Usage", "lib/page.html#usage", 1, "How to use it."));
    }

    @Test
    void passagesNeverSpanTwoSections() {
        ParsedPage page = page(new Section("One", "one", List.of(new Block.Prose(words("a", 350)))),
                new Section("Two", "two", List.of(new Block.Prose(words("b", 10)))));

        List<Chunk> chunks = chunker.chunk(page);

        assertThat(chunks).extracting(Chunk::section).containsExactly("One", "One", "Two");
        assertThat(chunks.get(2).text()).isEqualTo(words("b", 10));
    }

    @Test
    void aPassageThatStartsInsideAReferenceEntryLinksToIt() {
        ParsedPage page = page(new Section("String Methods", "string-methods", List.of(new Block.Prose(words("a", 50)),
                new Block.Entry("str.split(sep=None)", "str.split"), new Block.Prose(words("b", 400)))));

        List<Chunk> chunks = chunker.chunk(page);

        assertThat(chunks).extracting(Chunk::url)
            .containsExactly("lib/page.html#string-methods", "lib/page.html#str.split");
        assertThat(chunks.get(0).text()).startsWith("a0 ").contains(" a49\n\nstr.split(sep=None)\n\nb0 ");
        assertThat(chunks.get(1).text()).startsWith("b" + (Chunker.TARGET_WORDS - 51 - Chunker.OVERLAP_WORDS) + " ");
    }

    @Test
    void anEntryThatComesWhenThePassageIsFullOpensTheNextWithoutTheOverlap() {
        ParsedPage page = page(new Section("String Methods", "string-methods",
                List.of(new Block.Prose(words("a", Chunker.TARGET_WORDS)),
                        new Block.Entry("str.strip([chars])", "str.strip"), new Block.Prose(words("b", 20)))));

        List<Chunk> chunks = chunker.chunk(page);

        assertThat(chunks).extracting(Chunk::url, Chunk::text)
            .containsExactly(tuple("lib/page.html#string-methods", words("a", Chunker.TARGET_WORDS)),
                    tuple("lib/page.html#str.strip", "str.strip([chars])\n\n" + words("b", 20)));
    }

    @Test
    void codeThatFitsStaysWholeInOnePassage() {
        String code = codeListing(200);
        ParsedPage page = page(new Section("Example", "example",
                List.of(new Block.Prose(words("p", 250)), new Block.Code(code), new Block.Prose(words("q", 100)))));

        List<Chunk> chunks = chunker.chunk(page);

        assertThat(chunks).filteredOn(chunk -> chunk.text().contains(code)).hasSize(1);
        assertThat(chunks).filteredOn(chunk -> chunk.text().contains("line0 ")).hasSize(1);
        assertThat(chunks)
            .allSatisfy(chunk -> assertThat(wordCount(chunk.text())).isLessThanOrEqualTo(Chunker.MAX_WORDS));
    }

    @Test
    void longCodeIsCutBetweenLines() {
        String code = codeListing(1000);
        ParsedPage page = page(new Section("Listing", "listing", List.of(new Block.Code(code))));

        List<Chunk> chunks = chunker.chunk(page);

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(wordCount(chunk.text())).isLessThanOrEqualTo(Chunker.MAX_WORDS);
            assertThat(chunk.text()).startsWith("line").endsWith(";");
        });
        assertThat(chunks.stream().map(Chunk::text).collect(Collectors.joining("\n"))).isEqualTo(code);
    }

    @Test
    void chunkingIsDeterministic() throws Exception {
        ParsedPage page = new DocumentParser().parse("library/functools.html", DocumentParserTest
            .sphinxPage("/usr/share/doc/python3.11/html/library/functools.html", "functools.html"));

        List<Chunk> first = chunker.chunk(page);

        assertThat(first).isNotEmpty().isEqualTo(chunker.chunk(page));
        assertThat(first).allSatisfy(chunk -> {
            assertThat(chunk.url()).startsWith("library/functools.html#");
            assertThat(wordCount(chunk.text())).isBetween(1, Chunker.MAX_WORDS);
        });
        assertThat(first).extracting(Chunk::position)
            .containsExactlyElementsOf(IntStream.range(0, first.size()).boxed().toList());
    }

    private static ParsedPage page(Section... sections) {
        return new ParsedPage("lib/page.html", "Page title", List.of(sections));
    }

    private static String words(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }

    /**
     * Lines of five words with a run of spaces, so a cut inside a line or lost whitespace
     * shows.
     */
    private static String codeListing(int words) {
        return IntStream.range(0, words / 5)
            .mapToObj(i -> "line" + i + " = call(a, b,   c);")
            .collect(Collectors.joining("\n"));
    }

    private static int wordCount(String text) {
        return Chunker.words(text).length;
    }

}
