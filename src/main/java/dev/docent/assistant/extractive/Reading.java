package dev.docent.assistant.extractive;

import dev.docent.knowledge.Passage;
import java.util.List;
import java.util.Set;

/**
 * The question read against one list of passages: every unit, scored.
 *
 * @param units every passage's units, passage by passage, in order
 */
record Reading(List<Passage> passages, String question, boolean english, List<Unit> units, QuestionWeights weights) {

    /** The unit {@code step} places from this one in the same passage, or null. */
    Unit neighbour(Unit unit, int step) {
        return neighbour(units, units.indexOf(unit), step);
    }

    static Unit neighbour(List<Unit> units, int index, int step) {
        int at = index + step;
        if (at < 0 || at >= units.size() || units.get(at).passage() != units.get(index).passage()) {
            return null;
        }
        return units.get(at);
    }

    double weight(Set<String> terms) {
        return weights.weight(terms);
    }

    boolean sharesNothing() {
        return units.stream().noneMatch(unit -> unit.coverage() > 0);
    }
}
