package dev.docent.knowledge;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * How a passage is laid out in the Lucene index: exact-match keys for identity and deletion, analyzed
 * fields for BM25, and everything a citation needs stored. The HNSW vector of a passage, once there are
 * embeddings, belongs in {@link #of} as a {@code KnnFloatVectorField}.
 */
final class PassageDocument {

    static final String ID = "id";
    static final String DOCUMENT_ID = "documentId";
    static final String PAGE_PATH = "pagePath";
    static final String PAGE_TITLE = "pageTitle";
    static final String SECTION = "section";
    static final String URL = "url";
    static final String POSITION = "position";
    static final String TEXT = "text";

    private PassageDocument() {
    }

    static String id(String documentId, Chunk chunk) {
        return documentId + "/" + chunk.pagePath() + "#" + chunk.position();
    }

    static Document of(String documentId, Chunk chunk) {
        Document document = new Document();
        document.add(new StringField(ID, id(documentId, chunk), Field.Store.YES));
        document.add(new StringField(DOCUMENT_ID, documentId, Field.Store.YES));
        document.add(new StringField(PAGE_PATH, chunk.pagePath(), Field.Store.YES));
        document.add(new TextField(PAGE_TITLE, chunk.pageTitle(), Field.Store.YES));
        document.add(new TextField(SECTION, chunk.section(), Field.Store.YES));
        document.add(new StoredField(URL, chunk.url()));
        document.add(new StoredField(POSITION, chunk.position()));
        document.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        return document;
    }

    static PassageIndex.Hit hit(Document document, float score) {
        return new PassageIndex.Hit(document.get(ID), document.get(DOCUMENT_ID), document.get(PAGE_PATH),
                document.get(SECTION), document.get(URL), document.get(TEXT), score);
    }
}
