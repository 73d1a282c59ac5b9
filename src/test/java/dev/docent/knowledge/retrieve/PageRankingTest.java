package dev.docent.knowledge.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.retrieve.RankFusion.Fused;
import dev.docent.knowledge.parse.Section;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRankingTest {

    private static final UUID DOCS = UUID.fromString("00000000-0000-7000-8000-000000000001");

    private static final UUID OTHER_DOCS = UUID.fromString("00000000-0000-7000-8000-000000000002");

    @Test
    void eachPageAppearsOnceByItsBestPassageBeforeAnyPageRepeats() {
        List<Fused<Passage>> fused = List.of(fused("long.html", "long-1", 0.9), fused("long.html", "long-2", 0.8),
                fused("long.html", "long-3", 0.7), fused("short.html", "short-1", 0.6),
                fused("other.html", "other-1", 0.5));

        List<Passage> ranked = PageRanking.rank(fused, 3);

        assertThat(ranked).extracting(Passage::chunkId).containsExactly("long-1", "short-1", "other-1");
        assertThat(ranked).extracting(Passage::score).containsExactly(0.9, 0.6, 0.5);
    }

    @Test
    void aPageWithManyWeakPassagesDoesNotOutrankAPageWithOneStrongOne() {
        List<Fused<Passage>> fused = List.of(fused("bread.md", "starter", 0.091), fused("tea.md", "water", 0.083),
                fused("tea.md", "steeping", 0.077), fused("tea.md", "brewing", 0.071));

        assertThat(PageRanking.rank(fused, 2)).extracting(Passage::page).containsExactly("bread.md", "tea.md");
    }

    @Test
    void whenPagesRunOutTheirFurtherPassagesFollowWithScoresThatNeverRise() {
        List<Fused<Passage>> fused = List.of(fused("a.html", "a-1", 0.9), fused("a.html", "a-2", 0.8),
                fused("b.html", "b-1", 0.3), fused("b.html", "b-2", 0.2), fused("a.html", "a-3", 0.1));

        List<Passage> ranked = PageRanking.rank(fused, 10);

        assertThat(ranked).extracting(Passage::chunkId).containsExactly("a-1", "b-1", "a-2", "b-2", "a-3");
        assertThat(ranked).extracting(Passage::score).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(ranked.get(2).score()).isEqualTo(0.3);
        assertThat(ranked.get(3).score()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void theSamePathInTwoDocumentsIsTwoPages() {
        List<Fused<Passage>> fused = List.of(fused(DOCS, "index.html", "python", 0.9),
                fused(OTHER_DOCS, "index.html", "django", 0.8));

        assertThat(PageRanking.rank(fused, 2)).extracting(Passage::chunkId).containsExactly("python", "django");
    }

    @Test
    void theBestPagesBringTheirNextPassagesInFusedOrderAndNoPageBeyondThem() {
        List<Fused<Passage>> fused = List.of(fused("a.html", "a-1", 0.9), fused("b.html", "b-1", 0.8),
                fused("a.html", "a-2", 0.7), fused("c.html", "c-1", 0.6), fused("c.html", "c-2", 0.5),
                fused("a.html", "a-3", 0.4), fused("a.html", "a-4", 0.3), fused("b.html", "b-2", 0.2));
        List<Passage> ranked = PageRanking.rank(fused, 3);

        List<Passage> further = PageRanking.furtherOnTopPages(fused, ranked, 2, 2);

        assertThat(further).extracting(Passage::chunkId).containsExactly("a-2", "a-3", "b-2");
        assertThat(further.getFirst().score()).isEqualTo(0.7);
        assertThat(PageRanking.furtherOnTopPages(fused, ranked, 0, 2)).isEmpty();
    }

    @Test
    void aPassageAlreadyRankedIsNotBroughtAgain() {
        List<Fused<Passage>> fused = List.of(fused("a.html", "a-1", 0.9), fused("a.html", "a-2", 0.8));
        List<Passage> ranked = PageRanking.rank(fused, 5);

        assertThat(ranked).extracting(Passage::chunkId).containsExactly("a-1", "a-2");
        assertThat(PageRanking.furtherOnTopPages(fused, ranked, 3, 2)).isEmpty();
    }

    @Test
    void nothingFusedIsNothingRanked() {
        assertThat(PageRanking.rank(List.of(), 5)).isEmpty();
    }

    private static Fused<Passage> fused(String page, String chunkId, double score) {
        return fused(DOCS, page, chunkId, score);
    }

    private static Fused<Passage> fused(UUID document, String page, String chunkId, double score) {
        return new Fused<>(new Passage(chunkId, document, "Docs", page, "Title of " + page, "Section",
                page + "#" + chunkId, "Text of " + chunkId, 0), score);
    }

}
