package dev.docent.knowledge.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.retrieve.RankFusion.Fused;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static final double EPSILON = 1e-9;

    @Test
    void anItemHighInBothListsBeatsTheTopOfOnlyOne() {
        // a: 1/61; b: 1/62 + 1/61; c: 1/63 + 1/62; d: 1/63
        List<Fused<String>> fused = RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "c", "d")));

        assertThat(fused).extracting(Fused::item).containsExactly("b", "c", "a", "d");
        assertThat(fused.get(0).score()).isCloseTo(0.0325224749, within(EPSILON));
        assertThat(fused.get(1).score()).isCloseTo(0.0320020481, within(EPSILON));
        assertThat(fused.get(2).score()).isCloseTo(0.0163934426, within(EPSILON));
        assertThat(fused.get(3).score()).isCloseTo(0.0158730159, within(EPSILON));
    }

    @Test
    void weightsScaleEachListsShare() {
        // a: 1/61; b: 1/62 + 3/61; c: 1/63 + 3/62; d: 3/63
        List<Fused<String>> fused = RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "c", "d")),
                item -> item, List.of(1.0, 3.0), RankFusion.DEFAULT_K);

        assertThat(fused).extracting(Fused::item).containsExactly("b", "c", "d", "a");
        assertThat(fused.get(0).score()).isCloseTo(0.0653093601, within(EPSILON));
        assertThat(fused.get(1).score()).isCloseTo(0.0642601126, within(EPSILON));
        assertThat(fused.get(2).score()).isCloseTo(0.0476190476, within(EPSILON));
        assertThat(fused.get(3).score()).isCloseTo(0.0163934426, within(EPSILON));
    }

    @Test
    void aSmallKFavoursTheVeryTop() {
        // k = 0: a: 1/1; b: 1/2 + 1/3 — with k = 60, b's two appearances would win
        // instead
        List<List<String>> rankings = List.of(List.of("a", "b"), List.of("c", "d", "b"));

        List<Fused<String>> sharp = RankFusion.fuse(rankings, item -> item, List.of(1.0, 1.0), 0);
        List<Fused<String>> flat = RankFusion.fuse(rankings);

        assertThat(sharp).extracting(Fused::item).containsExactly("a", "c", "b", "d");
        assertThat(sharp.get(2).score()).isCloseTo(1.0 / 2 + 1.0 / 3, within(EPSILON));
        assertThat(flat).extracting(Fused::item).containsExactly("b", "a", "c", "d");
    }

    @Test
    void tiesKeepTheOrderOfFirstAppearanceRankByRank() {
        List<Fused<String>> swapped = RankFusion.fuse(List.of(List.of("x", "y"), List.of("y", "x")));
        List<Fused<String>> disjoint = RankFusion.fuse(List.of(List.of("p", "r"), List.of("q", "s")));

        assertThat(swapped).extracting(Fused::item).containsExactly("x", "y");
        assertThat(swapped.get(0).score()).isEqualTo(swapped.get(1).score());
        assertThat(disjoint).extracting(Fused::item).containsExactly("p", "q", "r", "s");
    }

    @Test
    void aRepeatWithinOneListCountsOnce() {
        List<Fused<String>> fused = RankFusion.fuse(List.of(List.of("a", "a", "b")));

        assertThat(fused).extracting(Fused::item).containsExactly("a", "b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61, within(EPSILON));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63, within(EPSILON));
    }

    @Test
    void itemsAreMatchedByKeyAndTheBestRankedCopyIsKept() {
        UUID doc = UUID.randomUUID();
        Passage fromText = passage(doc, "c1", 12.5);
        Passage fromVectors = passage(doc, "c1", 0.83);
        Passage other = passage(doc, "c2", 0.80);

        List<Fused<Passage>> fused = RankFusion.fuse(List.of(List.of(other, fromText), List.of(fromVectors)),
                Passage::chunkId);

        assertThat(fused).extracting(result -> result.item().chunkId()).containsExactly("c1", "c2");
        assertThat(fused.getFirst().item()).isSameAs(fromVectors);
        assertThat(fused.getFirst().score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(EPSILON));
    }

    @Test
    void nothingToFuseGivesNothing() {
        assertThat(RankFusion.fuse(List.<List<String>>of())).isEmpty();
        assertThat(RankFusion.fuse(List.of(List.<String>of(), List.<String>of()))).isEmpty();
    }

    @Test
    void badParametersAreRefused() {
        List<List<String>> two = List.of(List.of("a"), List.of("b"));

        assertThatThrownBy(() -> RankFusion.fuse(two, item -> item, List.of(1.0), 60))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("one weight per ranking");
        assertThatThrownBy(() -> RankFusion.fuse(two, item -> item, List.of(1.0, -1.0), 60))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankFusion.fuse(two, item -> item, List.of(1.0, Double.NaN), 60))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankFusion.fuse(two, item -> item, List.of(1.0, 1.0), -1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static Passage passage(UUID document, String chunkId, double score) {
        return new Passage(chunkId, document, "Python 3.11", "library/functools.html", "functools", "functools.cache",
                "library/functools.html#functools.cache", "text of " + chunkId, score);
    }

}
