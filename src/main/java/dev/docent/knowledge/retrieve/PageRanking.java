package dev.docent.knowledge.retrieve;

import dev.docent.knowledge.Passage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One passage per page: the fused ranking keeps only the best passage of each page, so
 * that a long page cannot fill the top places with its neighbouring passages and push
 * every other page out. Only when the pages run out before {@code k} do the pages'
 * further passages follow, in fused order, with scores capped at the one before them so
 * that scores never rise down the list.
 *
 * <p>
 * Adding a share of a page's further passages to its score was tried as well: it ranked
 * large sets a little better, but in a set of a few pages every page has passages among
 * the nearest vectors, and a page with several unrelated ones outranked the one page that
 * answered.
 */
public final class PageRanking {

    private PageRanking() {
    }

    /**
     * @param fused passages with their fused scores, best first
     */
    public static List<Passage> rank(List<RankFusion.Fused<Passage>> fused, int k) {
        List<Passage> ranked = new ArrayList<>(Math.min(k, fused.size()));
        List<RankFusion.Fused<Passage>> further = new ArrayList<>();
        Set<String> pages = new HashSet<>();
        for (RankFusion.Fused<Passage> passage : fused) {
            if (ranked.size() == k) {
                return ranked;
            }
            if (pages.add(passage.item().documentId() + "/" + passage.item().page())) {
                ranked.add(withScore(passage.item(), passage.score()));
            }
            else {
                further.add(passage);
            }
        }
        double cap = ranked.isEmpty() ? Double.MAX_VALUE : ranked.getLast().score();
        for (RankFusion.Fused<Passage> passage : further) {
            if (ranked.size() == k) {
                break;
            }
            cap = Math.min(cap, passage.score());
            ranked.add(withScore(passage.item(), cap));
        }
        return ranked;
    }

    /**
     * The next {@code perPage} passages, in fused order, of each page among the first
     * {@code pages} of {@code ranked}, leaving out those {@code ranked} holds.
     */
    public static List<Passage> furtherOnTopPages(List<RankFusion.Fused<Passage>> fused, List<Passage> ranked,
            int pages, int perPage) {
        List<Passage> top = ranked.stream().limit(pages).toList();
        Set<String> taken = new HashSet<>();
        ranked.forEach(passage -> taken.add(passage.chunkId()));
        java.util.Map<Passage, Integer> counts = new java.util.HashMap<>();
        List<Passage> further = new ArrayList<>();
        for (RankFusion.Fused<Passage> candidate : fused) {
            Passage passage = candidate.item();
            if (taken.contains(passage.chunkId())) {
                continue;
            }
            top.stream().filter(passage::samePage).findFirst().ifPresent(page -> {
                if (counts.merge(page, 1, Integer::sum) <= perPage) {
                    further.add(withScore(passage, candidate.score()));
                }
            });
        }
        return further;
    }

    private static Passage withScore(Passage passage, double score) {
        return new Passage(passage.chunkId(), passage.documentId(), passage.documentTitle(), passage.page(),
                passage.pageTitle(), passage.section(), passage.url(), passage.text(), score);
    }

}
