package dev.docent.knowledge.retrieve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reciprocal-rank fusion: an item's fused score is the sum, over the ranked lists that
 * hold it, of {@code weight / (k + rank)}, rank counted from 1. Only ranks matter, so
 * lists whose scores are not comparable (BM25, cosine similarity, several query variants)
 * fuse fairly; a larger {@code k} flattens the advantage of the very top ranks.
 *
 * <p>
 * Items are the same when their keys are equal; the first occurrence met is the one
 * returned (read rank by rank across the lists, so from the list where it ranked best). A
 * repeat within one list is ignored. Equal fused scores keep that same order of first
 * appearance, so the result is deterministic.
 */
public final class RankFusion {

    static final int DEFAULT_K = 60;

    /** An item with its fused score; higher is better. */
    public record Fused<T>(T item, double score) {
    }

    private RankFusion() {
    }

    /**
     * Fuses lists of equal-weighted items identified by {@code equals}, with k =
     * {@value #DEFAULT_K}.
     */
    static <T> List<Fused<T>> fuse(List<? extends List<? extends T>> rankings) {
        return fuse(rankings, Function.identity(), ones(rankings.size()), DEFAULT_K);
    }

    /**
     * Fuses equal-weighted lists with k = {@value #DEFAULT_K}, items being the same when
     * their keys are.
     */
    static <T, K> List<Fused<T>> fuse(List<? extends List<? extends T>> rankings, Function<? super T, K> key) {
        return fuse(rankings, key, ones(rankings.size()), DEFAULT_K);
    }

    /**
     * @param key what makes two items the same, e.g. a passage's chunk id
     * @param weights one non-negative weight per list, in the lists' order
     * @param k the rank constant, at least 0
     */
    public static <T, K> List<Fused<T>> fuse(List<? extends List<? extends T>> rankings, Function<? super T, K> key,
            List<Double> weights, int k) {
        if (weights.size() != rankings.size()) {
            throw new IllegalArgumentException(
                    "one weight per ranking: " + weights.size() + " weights, " + rankings.size() + " rankings");
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and not negative: " + weights);
            }
        }
        Map<K, Entry<T>> entries = new LinkedHashMap<>();
        List<Set<K>> seen = new ArrayList<>();
        rankings.forEach(ranking -> seen.add(new HashSet<>()));
        int longest = rankings.stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < longest; rank++) {
            for (int list = 0; list < rankings.size(); list++) {
                List<? extends T> ranking = rankings.get(list);
                if (rank >= ranking.size()) {
                    continue;
                }
                T item = ranking.get(rank);
                K id = key.apply(item);
                if (!seen.get(list).add(id)) {
                    continue;
                }
                Entry<T> entry = entries.computeIfAbsent(id, ignored -> new Entry<>(item, entries.size()));
                entry.score += weights.get(list) / (k + rank + 1);
            }
        }
        return entries.values()
            .stream()
            .sorted(Comparator.<Entry<T>>comparingDouble(entry -> entry.score)
                .reversed()
                .thenComparingInt(entry -> entry.firstSeen))
            .map(entry -> new Fused<>(entry.item, entry.score))
            .toList();
    }

    private static List<Double> ones(int count) {
        return Collections.nCopies(count, 1.0);
    }

    private static final class Entry<T> {

        final T item;

        final int firstSeen;

        double score;

        Entry(T item, int firstSeen) {
            this.item = item;
            this.firstSeen = firstSeen;
        }

    }

}
