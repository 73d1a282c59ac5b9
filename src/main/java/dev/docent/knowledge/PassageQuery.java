package dev.docent.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a user's question into a BM25 query over the passage text, its section heading and its page
 * title. The query is built from the analyzed terms rather than parsed, so no user text (brackets,
 * colons, quotes, operators) can be a syntax error or reach into other fields.
 */
final class PassageQuery {

    /** A heading names what its passages are about, so a match there counts for more than one in the text. */
    static final Map<String, Float> FIELD_BOOSTS = Map.of(
            PassageDocument.PAGE_TITLE, 2.0f,
            PassageDocument.SECTION, 1.5f,
            PassageDocument.TEXT, 1.0f);

    private final Analyzer analyzer;

    PassageQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Empty when the question has no searchable terms, for instance only stop words or punctuation. */
    Optional<Query> build(String question, UUID documentIdOrNull) {
        Set<String> terms = terms(question);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        FIELD_BOOSTS.forEach((field, boost) -> fields.add(new BoostQuery(anyTerm(field, terms), boost), Occur.SHOULD));
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(fields.build(), Occur.MUST);
        if (documentIdOrNull != null) {
            query.add(inDocument(documentIdOrNull), Occur.FILTER);
        }
        return Optional.of(query.build());
    }

    static Query inDocument(UUID documentId) {
        return new TermQuery(new Term(PassageDocument.DOCUMENT_ID, documentId.toString()));
    }

    private static Query anyTerm(String field, Set<String> terms) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(term -> any.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
        return any.build();
    }

    private Set<String> terms(String question) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(PassageDocument.TEXT, question)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
