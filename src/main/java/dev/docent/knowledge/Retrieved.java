package dev.docent.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * The passages retrieved for a question, best first, and how it was searched.
 *
 * @param searchedAs the question made to stand alone (with words of earlier turns when it
 * was a follow-up)
 * @param queries every query searched: {@code searchedAs}, then any rewrites a model made
 * @param passages one per page, the page's best, best page first
 * @param furtherOnTopPages the best pages' next passages, in fused order: the section of
 * a page that answers is not always the one that ranked it
 */
public record Retrieved(String searchedAs, List<String> queries, List<Passage> passages,
        List<Passage> furtherOnTopPages) {

    public Retrieved {
        queries = List.copyOf(queries);
        passages = List.copyOf(passages);
        furtherOnTopPages = List.copyOf(furtherOnTopPages);
    }

    public Retrieved(String searchedAs, List<String> queries, List<Passage> passages) {
        this(searchedAs, queries, passages, List.of());
    }

    /**
     * What an answer is read from: each page's best passage followed by its further ones,
     * pages in rank order.
     */
    public List<Passage> byPage() {
        List<Passage> read = new ArrayList<>();
        for (Passage passage : passages) {
            boolean pageBest = read.stream().noneMatch(passage::samePage);
            read.add(passage);
            if (pageBest) {
                furtherOnTopPages.stream().filter(passage::samePage).forEach(read::add);
            }
        }
        return List.copyOf(read);
    }

}
