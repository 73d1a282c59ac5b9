package dev.docent.knowledge.cli;

import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.ingest.Ingestion;
import dev.docent.knowledge.replica.IndexReplica;
import dev.docent.knowledge.store.Documents;
import dev.docent.llm.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = { "Re-embeds every stored passage with the configured embedding model (DOCENT_EMBEDDING_MODEL)",
                "and rebuilds this instance's search index. Run it after changing the model; other instances",
                "rebuild their index when they start." })
class ReindexCommand implements Callable<Integer> {

    private final Documents documents;

    private final Embedder embedder;

    private final IndexReplica replica;

    ReindexCommand(Documents documents, Embedder embedder, IndexReplica replica) {
        this.documents = documents;
        this.embedder = embedder;
        this.replica = replica;
    }

    @Override
    public Integer call() {
        List<DocumentView> all = documents.all();
        int total = all.stream().mapToInt(DocumentView::chunkCount).sum();
        try (ProgressBar bar = IngestCommand.progressBar("Re-embedding", total, " passages")) {
            for (DocumentView document : all) {
                reembed(document.id(), bar);
                documents.markEmbedded(document.id(), embedder.id());
            }
        }
        replica.rebuild();
        System.out.printf("Re-embedded %d passages of %d document set(s) with %s and rebuilt the search index.%n",
                total, all.size(), embedder.id());
        return 0;
    }

    private void reembed(UUID document, ProgressBar bar) {
        UUID after = null;
        while (true) {
            List<Map.Entry<UUID, String>> batch = documents.embeddingTexts(document, after, Ingestion.EMBED_BATCH);
            if (batch.isEmpty()) {
                return;
            }
            List<float[]> vectors = embedder.embedPassages(batch.stream().map(Map.Entry::getValue).toList());
            List<Map.Entry<UUID, float[]>> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                stored.add(Map.entry(batch.get(i).getKey(), vectors.get(i)));
            }
            documents.storeVectors(stored);
            bar.stepBy(batch.size());
            after = batch.getLast().getKey();
        }
    }

}
