package dev.docent.insights.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Leader clustering of L2-normalized question vectors: a question joins the most similar
 * leader whose cosine similarity reaches the threshold, or leads a cluster of its own.
 * One pass, in arrival order, so a question's cluster never changes afterwards and
 * reports only count.
 */
public final class Leaders {

    private record Leader(long id, float[] vector) {
    }

    private final double threshold;

    private final List<Leader> leaders = new ArrayList<>();

    /**
     * @param threshold the cosine similarity from which two questions mean the same, in
     * (0, 1]
     */
    public Leaders(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], not " + threshold);
        }
        this.threshold = threshold;
    }

    public void add(long id, float[] vector) {
        leaders.add(new Leader(id, vector.clone()));
    }

    /** The most similar leader at or above the threshold; the earlier one on a tie. */
    public OptionalLong nearest(float[] vector) {
        long best = -1;
        double bestSimilarity = threshold;
        boolean found = false;
        for (Leader leader : leaders) {
            double similarity = cosine(leader.vector(), vector);
            if (similarity > bestSimilarity || (!found && similarity >= bestSimilarity)) {
                best = leader.id();
                bestSimilarity = similarity;
                found = true;
            }
        }
        return found ? OptionalLong.of(best) : OptionalLong.empty();
    }

    public int size() {
        return leaders.size();
    }

    /** Cosine similarity; 0 when either vector is zero or their lengths differ. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            return 0;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

}
