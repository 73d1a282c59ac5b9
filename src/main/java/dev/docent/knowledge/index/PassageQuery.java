package dev.docent.knowledge.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a user's question into a BM25 query over the passage text, its section heading
 * and its page title. The query is built from the analyzed terms rather than parsed, so
 * no user text (brackets, colons, quotes, operators) can be a syntax error or reach into
 * other fields.
 *
 * <p>
 * Each term scores by the field it matches best, plus {@value #OTHER_FIELDS} of its score
 * in the others. Summing the fields instead counted a word three times in the first
 * passage of a page whose title, heading and text all repeat it, and let a common word in
 * a short title ("check", "key") outrank passages that match the whole question. Headings
 * need no boost of their own: BM25 already scores a match in a short field high.
 */
final class PassageQuery {

    static final List<String> FIELDS = List.of(PassageDocument.PAGE_TITLE, PassageDocument.SECTION,
            PassageDocument.TEXT);
    static final float OTHER_FIELDS = 0.1f;

    private final PassageAnalyzer analyzer;

    PassageQuery(PassageAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Empty when the question has no searchable terms, for instance only stop words or
     * punctuation.
     */
    Optional<Query> build(String question, UUID documentIdOrNull) {
        Set<String> terms = new LinkedHashSet<>(analyzer.terms(question));
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        terms.forEach(term -> anyTerm.add(bestField(term), Occur.SHOULD));
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(anyTerm.build(), Occur.MUST);
        if (documentIdOrNull != null) {
            query.add(inDocument(documentIdOrNull), Occur.FILTER);
        }
        return Optional.of(query.build());
    }

    static Query inDocument(UUID documentId) {
        return new TermQuery(new Term(PassageDocument.DOCUMENT_ID, documentId.toString()));
    }

    private static Query bestField(String term) {
        return new DisjunctionMaxQuery(
                FIELDS.stream().<Query>map(field -> new TermQuery(new Term(field, term))).toList(), OTHER_FIELDS);
    }

}
