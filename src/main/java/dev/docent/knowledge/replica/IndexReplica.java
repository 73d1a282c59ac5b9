package dev.docent.knowledge.replica;

import dev.docent.knowledge.DocumentDeleted;
import dev.docent.knowledge.DocumentEdited;
import dev.docent.knowledge.DocumentIngested;
import dev.docent.knowledge.KnowledgeSettings;
import dev.docent.knowledge.index.PassageIndex;
import dev.docent.knowledge.store.Documents;
import dev.docent.knowledge.store.IndexedPassage;
import dev.docent.llm.Embedder;
import dev.docent.shared.ConfigurationProblem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the passages, kept in step with the database: a document whose
 * revision differs from the one indexed is re-read, one that is gone is dropped. It
 * catches up at start, after every ingest or delete here, when another instance says it
 * changed something, and on a timer as a backstop. The {@code ingest} command runs
 * without one (a server may hold the index open); {@code reindex} opens it despite a
 * model change.
 */
@Component
public class IndexReplica implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexReplica.class);

    private final PassageIndex index;

    private final Documents documents;

    private final Embedder embedder;

    private volatile boolean caughtUp;

    IndexReplica(KnowledgeSettings settings, Documents documents, Embedder embedder,
            @Value("${docent.command:serve}") String command) {
        this.documents = documents;
        this.embedder = embedder;
        this.index = command.equals("ingest") ? null : new PassageIndex(settings.indexDir());
        if (index != null && !command.equals("reindex")) {
            requireSameModel();
        }
    }

    /** False in the {@code ingest} command, which leaves the index to the servers. */
    boolean enabled() {
        return index != null;
    }

    public PassageIndex index() {
        if (index == null) {
            throw new IllegalStateException("This process keeps no search index");
        }
        return index;
    }

    /** True once the replica has matched the database at least once since the start. */
    boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Brings the index in line with the database; returns how many documents it re-read
     * or dropped.
     */
    synchronized int catchUp() {
        if (index == null) {
            return 0;
        }
        Map<UUID, Long> wanted = documents.revisions();
        Map<UUID, Long> held = index.revisions();
        int changed = 0;
        for (UUID gone : held.keySet()) {
            if (!wanted.containsKey(gone)) {
                index.deleteDocument(gone);
                changed++;
            }
        }
        for (Map.Entry<UUID, Long> document : wanted.entrySet()) {
            if (!Objects.equals(held.get(document.getKey()), document.getValue())) {
                List<IndexedPassage> passages = documents.passages(document.getKey());
                index.replaceDocument(document.getKey(), document.getValue(), passages, embedder.id());
                changed++;
            }
        }
        caughtUp = true;
        if (changed > 0) {
            log.info("Search index caught up: {} document(s) re-read or dropped, {} passages", changed, index.count());
        }
        return changed;
    }

    /**
     * A restarted instance may have missed changes, and a new one has an empty index:
     * catch up off the start. The embedding model loads on its first use, which would
     * otherwise fall on the first question.
     */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (index != null) {
            backstop();
            warmUpEmbedder();
        }
    }

    private void warmUpEmbedder() {
        try {
            embedder.embedQuery("warm up");
        }
        catch (RuntimeException e) {
            log.warn("The embedding model could not be loaded: {}", e.toString());
        }
    }

    @EventListener
    void on(DocumentIngested ingested) {
        catchUp();
    }

    @EventListener
    void on(DocumentDeleted deleted) {
        catchUp();
    }

    @EventListener
    void on(DocumentEdited edited) {
        catchUp();
    }

    @Scheduled(fixedDelayString = "${docent.knowledge.sync-interval:5s}",
            initialDelayString = "${docent.knowledge.sync-interval:5s}")
    void backstop() {
        try {
            catchUp();
        }
        catch (RuntimeException e) {
            log.warn("Search index could not catch up with the database: {}", e.toString());
        }
    }

    /** Empties the replica; the next catch-up rebuilds it from the database. */
    public synchronized void rebuild() {
        index().clear();
        catchUp();
    }

    @Override
    public void destroy() {
        if (index != null) {
            index.close();
        }
    }

    private void requireSameModel() {
        String configured = embedder.id();
        index.model().filter(model -> !model.equals(configured)).ifPresent(model -> {
            index.close();
            throw mismatch(model, configured);
        });
        documents.embeddingModels().stream().filter(model -> !model.equals(configured)).findFirst().ifPresent(model -> {
            index.close();
            throw mismatch(model, configured);
        });
    }

    private static ConfigurationProblem mismatch(String stored, String configured) {
        return new ConfigurationProblem("The search index was built with the embedding model '" + stored
                + "' but DOCENT_EMBEDDING_MODEL selects '" + configured + "': run `java -jar docent.jar reindex` "
                + "to re-embed the stored passages with it, or set DOCENT_EMBEDDING_MODEL back.");
    }

}
