package dev.docent.knowledge.store;

import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.PageView;
import dev.docent.knowledge.PassageView;
import dev.docent.knowledge.chunk.Chunk;
import dev.docent.shared.id.Ids;
import dev.docent.knowledge.starters.StarterQuestions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents, their pages and chunks in the database: the source of truth of the knowledge
 * base. Every finished ingest bumps the document's revision; replicas compare revisions
 * to know what to re-read.
 */
@Repository
public class Documents {

    /** A page as stored: enough to tell whether a new version of it changed. */
    public record StoredPage(UUID id, String checksum) {
    }

    /** A passage to store with the page it belongs to. */
    public record NewChunk(int position, String section, String url, String text, float[] vector) {
    }

    private static final String VIEW_COLUMNS = "id, slug, title, base_url, page_count, chunk_count, ingested_at";

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final TransactionTemplate transactions;

    Documents(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    public List<DocumentView> all() {
        return jdbc.sql("select " + VIEW_COLUMNS + " from documents order by title, slug")
            .query(Documents::view)
            .list();
    }

    public Optional<DocumentView> find(UUID id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from documents where id = ?")
            .param(id)
            .query(Documents::view)
            .optional();
    }

    public Optional<DocumentView> bySlug(String slug) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from documents where slug = ?")
            .param(slug)
            .query(Documents::view)
            .optional();
    }

    /**
     * The document with this slug, created if new; an existing one takes the new title
     * and base URL.
     */
    public DocumentView open(String slug, String title, String baseUrl, String model, Instant now) {
        Optional<DocumentView> existing = bySlug(slug);
        if (existing.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into documents (id, slug, title, base_url, embedding_model, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newUuid7(), slug, title, baseUrl, model, ts(now))
                    .update();
            }
            catch (DuplicateKeyException raced) {
                // Another ingest created it a moment ago: carry on with that one.
            }
        }
        else {
            jdbc.sql("update documents set title = ?, base_url = ? where slug = ?")
                .params(title, baseUrl, slug)
                .update();
        }
        return bySlug(slug).orElseThrow();
    }

    public Map<String, StoredPage> pages(UUID document) {
        Map<String, StoredPage> pages = new HashMap<>();
        jdbc.sql("select id, path, checksum from pages where document_id = ?").param(document).query(rs -> {
            pages.put(rs.getString("path"), new StoredPage(rs.getObject("id", UUID.class), rs.getString("checksum")));
        });
        return pages;
    }

    /**
     * Replaces a page and all its chunks in one transaction: a reader sees the old page
     * or the new one.
     */
    public void replacePage(UUID document, String path, String title, String checksum, List<NewChunk> chunks) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from pages where document_id = ? and path = ?").params(document, path).update();
            UUID page = Ids.newUuid7();
            jdbc.sql("""
                    insert into pages (id, document_id, path, title, checksum, ingested_at)
                    values (?, ?, ?, ?, ?, current_timestamp)""")
                .params(page, document, path, title, checksum)
                .update();
            List<Object[]> rows = new ArrayList<>(chunks.size());
            for (NewChunk chunk : chunks) {
                rows.add(new Object[] { Ids.newUuid7(), document, page, chunk.position(), chunk.section(), chunk.url(),
                        chunk.text(), Vectors.toBytes(chunk.vector()) });
            }
            template.batchUpdate("""
                    insert into chunks (id, document_id, page_id, position, section, url, text, embedding)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        });
    }

    public void deletePages(UUID document, Collection<String> paths) {
        for (String path : paths) {
            jdbc.sql("delete from pages where document_id = ? and path = ?").params(document, path).update();
        }
    }

    /**
     * Counts the document's pages and chunks, stamps it ingested and bumps its revision
     * for the replicas.
     */
    public void finishIngest(UUID document, Instant now) {
        jdbc.sql("""
                update documents set
                    page_count = (select count(*) from pages where document_id = ?),
                    chunk_count = (select count(*) from chunks where document_id = ?),
                    ingested_at = ?, revision = revision + 1
                where id = ?""").params(document, document, ts(now), document).update();
    }

    /**
     * Gives the set a new title and base URL, leaving its pages and passages as they are;
     * bumps its revision so the replicas re-read the links. False when there is no such
     * document.
     */
    public boolean edit(UUID document, String title, String baseUrl) {
        return jdbc.sql("update documents set title = ?, base_url = ?, revision = revision + 1 where id = ?")
            .params(title, baseUrl, document)
            .update() == 1;
    }

    /** One page of the set's pages, by path. */
    public List<PageView> pages(UUID document, int offset, int limit) {
        return jdbc.sql("""
                select p.id, p.path, p.title, coalesce(p.ingested_at, d.ingested_at) as ingested_at, d.base_url,
                       (select count(*) from chunks c where c.page_id = p.id) as passages
                from pages p join documents d on d.id = p.document_id
                where p.document_id = ? order by p.path offset ? rows fetch next ? rows only""")
            .params(document, offset, limit)
            .query((rs, row) -> {
                Timestamp ingested = rs.getTimestamp("ingested_at");
                return new PageView(rs.getObject("id", UUID.class), rs.getString("path"), rs.getString("title"),
                        rs.getInt("passages"), ingested == null ? null : ingested.toInstant(),
                        link(rs.getString("base_url"), rs.getString("path")));
            })
            .list();
    }

    public int pageCount(UUID document) {
        return jdbc.sql("select count(*) from pages where document_id = ?")
            .param(document)
            .query(Integer.class)
            .single();
    }

    /**
     * A page's passages exactly as stored, in order; empty when the page is not the
     * set's.
     */
    public List<PassageView> passagesOf(UUID document, UUID page) {
        return jdbc.sql("""
                select c.id, c.position, c.section, c.url, c.text, d.base_url
                from chunks c join documents d on d.id = c.document_id
                where c.document_id = ? and c.page_id = ? order by c.position""")
            .params(document, page)
            .query((rs, row) -> {
                String url = rs.getString("url");
                int hash = url.indexOf('#');
                return new PassageView(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("section"),
                        hash < 0 ? null : url.substring(hash + 1), link(rs.getString("base_url"), url),
                        rs.getString("text"));
            })
            .list();
    }

    public Optional<PageView> page(UUID document, UUID page) {
        return jdbc.sql("""
                select p.id, p.path, p.title, coalesce(p.ingested_at, d.ingested_at) as ingested_at, d.base_url,
                       (select count(*) from chunks c where c.page_id = p.id) as passages
                from pages p join documents d on d.id = p.document_id
                where p.document_id = ? and p.id = ?""").params(document, page).query((rs, row) -> {
            Timestamp ingested = rs.getTimestamp("ingested_at");
            return new PageView(rs.getObject("id", UUID.class), rs.getString("path"), rs.getString("title"),
                    rs.getInt("passages"), ingested == null ? null : ingested.toInstant(),
                    link(rs.getString("base_url"), rs.getString("path")));
        }).optional();
    }

    /**
     * Deletes the document with its pages and chunks; false when there was no such
     * document.
     */
    public boolean delete(UUID document) {
        return jdbc.sql("delete from documents where id = ?").param(document).update() == 1;
    }

    /**
     * The revision of every document that has finished an ingest: what each replica
     * should hold.
     */
    public Map<UUID, Long> revisions() {
        Map<UUID, Long> revisions = new HashMap<>();
        jdbc.sql("select id, revision from documents where revision > 0").query(rs -> {
            revisions.put(rs.getObject("id", UUID.class), rs.getLong("revision"));
        });
        return revisions;
    }

    boolean exists(UUID document) {
        return jdbc.sql("select count(*) from documents where id = ?")
            .param(document)
            .query(Integer.class)
            .single() == 1;
    }

    /** Every stored passage of the document with its vector, as the index holds it. */
    public List<IndexedPassage> passages(UUID document) {
        return jdbc.sql("""
                select c.id, c.section, c.url, c.text, c.embedding, p.path, p.title as page_title,
                       d.title as document_title, d.base_url
                from chunks c join pages p on p.id = c.page_id join documents d on d.id = c.document_id
                where c.document_id = ? order by p.path, c.position""")
            .param(document)
            .query((rs, row) -> new IndexedPassage(rs.getObject("id", UUID.class), document,
                    rs.getString("document_title"), rs.getString("path"), rs.getString("page_title"),
                    rs.getString("section"), link(rs.getString("base_url"), rs.getString("url")), rs.getString("text"),
                    Vectors.fromBytes(rs.getBytes("embedding"))))
            .list();
    }

    /**
     * The document's sections as headings per page, with how much text each holds (for
     * starter questions).
     */
    public List<StarterQuestions.Heading> headings(UUID document) {
        return jdbc.sql("""
                select p.path, c.section, sum(length(c.text)) as text_length
                from chunks c join pages p on p.id = c.page_id
                where c.document_id = ? group by p.path, c.section""")
            .param(document)
            .query((rs, row) -> new StarterQuestions.Heading(rs.getString("path"), rs.getString("section"),
                    (int) Math.min(Integer.MAX_VALUE, rs.getLong("text_length"))))
            .list();
    }

    /**
     * The embedding models the stored vectors were made with; more than one only during a
     * reindex.
     */
    public List<String> embeddingModels() {
        return jdbc.sql("select distinct embedding_model from documents").query(String.class).list();
    }

    /**
     * One batch of a document's chunks as they are embedded, by id, after {@code afterId}
     * (null for the first).
     */
    public List<Map.Entry<UUID, String>> embeddingTexts(UUID document, UUID afterId, int limit) {
        return jdbc.sql("""
                select c.id, c.section, c.text, p.title from chunks c join pages p on p.id = c.page_id
                where c.document_id = ? and c.id > ? order by c.id fetch first ? rows only""")
            .params(document, afterId == null ? new UUID(0, 0) : afterId, limit)
            .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class),
                    Chunk.embeddingText(rs.getString("title"), rs.getString("section"), rs.getString("text"))))
            .list();
    }

    public void storeVectors(List<Map.Entry<UUID, float[]>> vectors) {
        template.batchUpdate("update chunks set embedding = ? where id = ?",
                vectors.stream()
                    .map(entry -> new Object[] { Vectors.toBytes(entry.getValue()), entry.getKey() })
                    .toList());
    }

    public void markEmbedded(UUID document, String model) {
        jdbc.sql("update documents set embedding_model = ?, revision = revision + 1 where id = ?")
            .params(model, document)
            .update();
    }

    /**
     * A citation link: the page's address on the documentation's own site when it is
     * known.
     */
    static String link(String baseUrl, String url) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return url;
        }
        return baseUrl.endsWith("/") ? baseUrl + url : baseUrl + "/" + url;
    }

    private static DocumentView view(ResultSet rs, int row) throws SQLException {
        Timestamp ingested = rs.getTimestamp("ingested_at");
        return new DocumentView(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("base_url"), rs.getInt("page_count"), rs.getInt("chunk_count"),
                ingested == null ? null : ingested.toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

}
