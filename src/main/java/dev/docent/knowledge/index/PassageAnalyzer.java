package dev.docent.knowledge.index;

import dev.docent.shared.text.Terms;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis that knows code: an identifier is indexed whole and by its parts, so
 * {@code str.strip}, {@code lru_cache} and {@code OrderedDict} are found by
 * {@code strip}, {@code cache} or {@code dict} as well as by their full names. Latin
 * letters written against another script are split from it ({@code lambda는} gives
 * {@code lambda} and {@code 는}), so a name in a Korean question is searchable. The query
 * side also drops the words a question is wrapped in ("how do I…"), which would otherwise
 * match any page that asks a question of its own.
 */
final class PassageAnalyzer extends Analyzer {

    /**
     * Recorded with the index; a change to the analysis changes it, so that older indexes
     * are rebuilt.
     */
    static final String VERSION = "2";

    private static final Pattern SCRIPT_CHANGE = Pattern
        .compile("(?<=[\\p{IsLatin}\\p{Nd}])(?=[\\p{L}&&[^\\p{IsLatin}]])"
                + "|(?<=[\\p{L}&&[^\\p{IsLatin}]])(?=[\\p{IsLatin}\\p{Nd}])");

    private static final int IDENTIFIER_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

    private final boolean query;

    private final CharArraySet stopWords;

    private PassageAnalyzer(boolean query, CharArraySet stopWords) {
        this.query = query;
        this.stopWords = stopWords;
    }

    /** What passages are indexed with. */
    static PassageAnalyzer forPassages() {
        return new PassageAnalyzer(false, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    /**
     * What questions are searched with: the same terms, without the question's wrapping.
     */
    static PassageAnalyzer forQuestions() {
        CharArraySet stopWords = new CharArraySet(Terms.stopWords(), false);
        stopWords.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new PassageAnalyzer(true, CharArraySet.unmodifiableSet(stopWords));
    }

    /** The terms of a text as the passage text is analyzed, in order, repeats kept. */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = tokenStream(PassageDocument.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(SCRIPT_CHANGE, " ", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream tokens = new EnglishPossessiveFilter(source);
        tokens = new WordDelimiterGraphFilter(tokens, IDENTIFIER_PARTS, null);
        if (!query) {
            // The index stores a flat token stream; a query only collects the distinct
            // terms, graph or not.
            tokens = new FlattenGraphFilter(tokens);
        }
        tokens = new LowerCaseFilter(tokens);
        tokens = new StopFilter(tokens, stopWords);
        tokens = new PorterStemFilter(tokens);
        return new TokenStreamComponents(source, tokens);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

}
