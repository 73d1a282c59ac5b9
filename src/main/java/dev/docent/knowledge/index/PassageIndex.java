package dev.docent.knowledge.index;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.store.IndexedPassage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The passages of all documents in a local Lucene index: BM25 over the text and HNSW over
 * the vectors. It is derived data: every instance keeps its own, rebuilt from the stored
 * chunks. Each commit records the embedding model the vectors came from, the revision of
 * every document it holds and the version of the text analysis, so a replica knows what
 * is stale; an index analyzed another way is emptied when opened, to be rebuilt.
 */
public final class PassageIndex implements AutoCloseable {

    private static final String MODEL = "embeddingModel";

    private static final String REVISION = "revision:";

    private static final String ANALYSIS = "analysis";

    private final Directory directory;

    private final IndexWriter writer;

    private final SearcherManager searchers;

    private final PassageQuery queries;

    public PassageIndex(Path path) {
        try {
            directory = FSDirectory.open(path);
            writer = new IndexWriter(directory,
                    new IndexWriterConfig(PassageAnalyzer.forPassages()).setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
            queries = new PassageQuery(PassageAnalyzer.forQuestions());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> held = commitData();
        if (!held.isEmpty() && !PassageAnalyzer.VERSION.equals(held.get(ANALYSIS))) {
            // Terms from another analysis would not match today's questions: empty, and
            // catch-up rebuilds it.
            clear();
        }
    }

    /**
     * The embedding model of the vectors in this index, empty for an index that never
     * held any.
     */
    public Optional<String> model() {
        return Optional.ofNullable(commitData().get(MODEL));
    }

    /**
     * The revision of each document held, as it was in the database when the document was
     * indexed.
     */
    public Map<UUID, Long> revisions() {
        Map<UUID, Long> revisions = new HashMap<>();
        commitData().forEach((key, value) -> {
            if (key.startsWith(REVISION)) {
                revisions.put(UUID.fromString(key.substring(REVISION.length())), Long.parseLong(value));
            }
        });
        return revisions;
    }

    /**
     * Replaces everything indexed for the document with the given passages, in one
     * commit.
     */
    public void replaceDocument(UUID documentId, long revision, Iterable<IndexedPassage> passages, String model) {
        write(data -> {
            writer.deleteDocuments(documentTerm(documentId));
            for (IndexedPassage passage : passages) {
                writer.addDocument(PassageDocument.of(passage));
            }
            data.put(MODEL, model);
            data.put(REVISION + documentId, Long.toString(revision));
        });
    }

    public void deleteDocument(UUID documentId) {
        write(data -> {
            writer.deleteDocuments(documentTerm(documentId));
            data.remove(REVISION + documentId);
        });
    }

    /** Empties the index, for a rebuild with another embedding model. */
    public void clear() {
        write(data -> {
            writer.deleteAll();
            data.clear();
        });
    }

    /**
     * The best {@code n} passages by BM25, best first, from one document or from all of
     * them.
     */
    public List<Passage> keywordSearch(String question, UUID documentIdOrNull, int n) {
        Optional<Query> query = queries.build(question, documentIdOrNull);
        return query.isEmpty() ? List.of() : search(query.get(), n);
    }

    /**
     * The {@code n} passages nearest to the vector (approximate, HNSW), nearest first.
     */
    public List<Passage> vectorSearch(float[] vector, UUID documentIdOrNull, int n) {
        Query filter = documentIdOrNull == null ? null : PassageQuery.inDocument(documentIdOrNull);
        return search(new KnnFloatVectorQuery(PassageDocument.VECTOR, vector, n, filter), n);
    }

    public int count() {
        return read(searcher -> searcher.count(new MatchAllDocsQuery()));
    }

    @Override
    public void close() {
        try {
            IOUtils.close(searchers, writer, directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Passage> search(Query query, int n) {
        return read(searcher -> {
            List<Passage> passages = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, n).scoreDocs) {
                passages.add(PassageDocument.passage(searcher.storedFields().document(hit.doc), hit.score));
            }
            return passages;
        });
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    private static Term documentTerm(UUID documentId) {
        return new Term(PassageDocument.DOCUMENT_ID, documentId.toString());
    }

    private synchronized void write(IndexWrite edit) {
        try {
            Map<String, String> data = commitData();
            edit.apply(data);
            data.put(ANALYSIS, PassageAnalyzer.VERSION);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(IndexRead<T> reading) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return reading.apply(searcher);
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IndexWrite {

        void apply(Map<String, String> commitData) throws IOException;

    }

    @FunctionalInterface
    private interface IndexRead<T> {

        T apply(IndexSearcher searcher) throws IOException;

    }

}
