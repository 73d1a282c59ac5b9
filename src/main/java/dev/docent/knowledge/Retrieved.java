package dev.docent.knowledge;

import java.util.List;

/**
 * The passages retrieved for a question, best first, and how it was searched.
 *
 * @param searchedAs the question made to stand alone (with words of earlier turns when it
 * was a follow-up)
 * @param queries every query searched: {@code searchedAs}, then any rewrites a model made
 */
public record Retrieved(String searchedAs, List<String> queries, List<Passage> passages) {

    public Retrieved {
        queries = List.copyOf(queries);
        passages = List.copyOf(passages);
    }
}
