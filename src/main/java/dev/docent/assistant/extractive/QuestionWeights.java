package dev.docent.assistant.extractive;

import dev.docent.shared.text.Terms;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The question's words with their weights: IDF over the units, so "namedtuple" outweighs
 * "value".
 *
 * @param byTerm in the question's order (sums over it are the same every time)
 * @param ownTerms how many distinct words the question itself has, its numbers counted as
 * one
 */
record QuestionWeights(Map<String, Double> byTerm, int ownTerms, double total) {

    /**
     * The question's numbers ("2024-03-05", "7/2") count as one word the passages are
     * taken not to have: they are example values far more often than something to look
     * up, and matching them is coincidence.
     */
    private static final String NUMBERS = "#numbers";

    /**
     * Words borrowed from earlier turns to make a follow-up stand alone weigh this much.
     */
    private static final double BORROWED_WEIGHT = 0.5;

    /**
     * Words only the search query has (borrowed from earlier turns) weigh half. Words of
     * another script are left out unless some unit has them; numbers count as one
     * unmatched word.
     */
    static QuestionWeights of(String question, String searchedAs, List<Unit> units) {
        Set<String> own = new LinkedHashSet<>(Terms.contentTerms(question));
        Set<String> all = new LinkedHashSet<>(own);
        all.addAll(Terms.contentTerms(searchedAs));
        Set<String> present = units.stream().flatMap(unit -> unit.terms().stream()).collect(Collectors.toSet());
        double absent = Math.log((units.size() + 1.0) / 0.5);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String term : all) {
            double share = own.contains(term) ? 1 : BORROWED_WEIGHT;
            if (term.chars().noneMatch(Character::isLetter)) {
                weights.merge(NUMBERS, share * absent, Math::max);
            }
            else if (present.contains(term)) {
                long df = units.stream().filter(unit -> unit.terms().contains(term)).count();
                weights.put(term, share * Math.log((units.size() + 1.0) / (df + 0.5)));
            }
            else if (term.chars().allMatch(c -> c < 128)) {
                weights.put(term, share * absent);
            }
        }
        int ownTerms = (int) weights.keySet().stream().filter(own::contains).count()
                + (own.stream().anyMatch(term -> term.chars().noneMatch(Character::isLetter)) ? 1 : 0);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        return new QuestionWeights(weights, ownTerms, total);
    }

    /**
     * The words weighed, those borrowed from earlier turns included, without the stand-in
     * for the question's numbers.
     */
    Set<String> words() {
        Set<String> words = new HashSet<>(byTerm.keySet());
        words.remove(NUMBERS);
        return words;
    }

    double weight(Set<String> terms) {
        return byTerm.entrySet()
            .stream()
            .filter(entry -> terms.contains(entry.getKey()))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    }

    /** The weight as a share of the whole question's. */
    double share(double weight) {
        return total == 0 ? 0 : weight / total;
    }

    /**
     * Enough distinct question words to be about the question: two once it has three or
     * more.
     */
    boolean matchesEnough(Set<String> terms, Set<String> context) {
        long matched = byTerm.keySet().stream().filter(term -> terms.contains(term) || context.contains(term)).count();
        return matched >= Math.min(2, Math.max(1, ownTerms - 1));
    }

    static Set<String> without(Set<String> terms, Set<String> minus) {
        Set<String> rest = new HashSet<>(terms);
        rest.removeAll(minus);
        return rest;
    }
}
