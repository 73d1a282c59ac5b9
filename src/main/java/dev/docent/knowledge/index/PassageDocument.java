package dev.docent.knowledge.index;

import dev.docent.knowledge.Passage;
import dev.docent.knowledge.store.IndexedPassage;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * How a passage is laid out in the Lucene index: exact-match keys for identity and
 * deletion, analyzed fields for BM25, the vector for HNSW search, and everything a
 * citation needs stored.
 */
final class PassageDocument {

    static final String ID = "id";
    static final String DOCUMENT_ID = "documentId";
    static final String DOCUMENT_TITLE = "documentTitle";
    static final String PAGE_PATH = "pagePath";
    static final String PAGE_TITLE = "pageTitle";
    static final String SECTION = "section";
    static final String URL = "url";
    static final String TEXT = "text";
    static final String VECTOR = "vector";

    private PassageDocument() {
    }

    static Document of(IndexedPassage passage) {
        Document document = new Document();
        document.add(new StringField(ID, passage.chunkId().toString(), Field.Store.YES));
        document.add(new StringField(DOCUMENT_ID, passage.documentId().toString(), Field.Store.YES));
        document.add(new StoredField(DOCUMENT_TITLE, passage.documentTitle()));
        document.add(new StringField(PAGE_PATH, passage.pagePath(), Field.Store.YES));
        document.add(new TextField(PAGE_TITLE, passage.pageTitle(), Field.Store.YES));
        document.add(new TextField(SECTION, passage.section(), Field.Store.YES));
        document.add(new StoredField(URL, passage.url()));
        document.add(new TextField(TEXT, passage.text(), Field.Store.YES));
        document.add(new KnnFloatVectorField(VECTOR, passage.vector(), VectorSimilarityFunction.COSINE));
        return document;
    }

    static Passage passage(Document document, double score) {
        return new Passage(document.get(ID), UUID.fromString(document.get(DOCUMENT_ID)), document.get(DOCUMENT_TITLE),
                document.get(PAGE_PATH), document.get(PAGE_TITLE), document.get(SECTION), document.get(URL),
                document.get(TEXT), score);
    }

}
