package dev.docent.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The passages of all documents in a local Lucene index, searched with BM25. It is derived data: every
 * instance keeps its own, rebuilt from the stored chunks. Each write is committed and visible to the
 * next search.
 */
final class PassageIndex implements AutoCloseable {

    record Hit(String passageId, String documentId, String pagePath, String section, String url, String text,
               float score) {
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PassageQuery queries;

    PassageIndex(Path path) {
        try {
            Analyzer analyzer = new EnglishAnalyzer();
            directory = FSDirectory.open(path);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
            queries = new PassageQuery(analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the passages of a document; a passage already indexed under the same id is replaced. */
    void add(String documentId, List<Chunk> chunks) {
        write(() -> {
            for (Chunk chunk : chunks) {
                writer.updateDocument(new Term(PassageDocument.ID, PassageDocument.id(documentId, chunk)),
                        PassageDocument.of(documentId, chunk));
            }
        });
    }

    void deleteDocument(String documentId) {
        write(() -> writer.deleteDocuments(new Term(PassageDocument.DOCUMENT_ID, documentId)));
    }

    void deletePage(String documentId, String pagePath) {
        Query page = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageDocument.DOCUMENT_ID, documentId)), Occur.FILTER)
                .add(new TermQuery(new Term(PassageDocument.PAGE_PATH, pagePath)), Occur.FILTER)
                .build();
        write(() -> writer.deleteDocuments(page));
    }

    /** The best {@code k} passages for the question, best first, from one document or from all of them. */
    List<Hit> search(String question, String documentIdOrNull, int k) {
        Optional<Query> query = queries.build(question, documentIdOrNull);
        if (query.isEmpty()) {
            return List.of();
        }
        return read(searcher -> {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : searcher.search(query.get(), k).scoreDocs) {
                hits.add(PassageDocument.hit(searcher.storedFields().document(scoreDoc.doc), scoreDoc.score));
            }
            return hits;
        });
    }

    int count() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        try {
            IOUtils.close(searchers, writer, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(IndexWrite change) {
        try {
            change.apply();
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(IndexRead<T> reading) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return reading.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IndexWrite {
        void apply() throws IOException;
    }

    @FunctionalInterface
    private interface IndexRead<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
