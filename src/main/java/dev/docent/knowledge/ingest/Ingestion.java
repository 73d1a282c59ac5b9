package dev.docent.knowledge.ingest;

import dev.docent.knowledge.DocumentIngested;
import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.chunk.Chunk;
import dev.docent.knowledge.chunk.Chunker;
import dev.docent.knowledge.parse.DocumentParser;
import dev.docent.knowledge.parse.ParsedPage;
import dev.docent.knowledge.parse.UnreadablePageException;
import dev.docent.knowledge.store.Documents;
import dev.docent.llm.Embedder;
import dev.docent.shared.Problem;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Ingests a document set: each file is parsed, chunked, embedded and stored with its
 * passages, page by page, so a reader never sees half a page. A page whose content did
 * not change since the last ingest (same checksum) is left alone; a page no longer in the
 * set is removed. Unreadable files are reported and skipped.
 */
@Service
public class Ingestion {

    /**
     * Passages embedded together: big enough to keep both cores busy, small enough to
     * report progress often.
     */
    public static final int EMBED_BATCH = 64;

    private final Documents documents;

    private final Embedder embedder;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final DocumentParser parser = new DocumentParser();

    private final Chunker chunker = new Chunker();

    Ingestion(Documents documents, Embedder embedder, ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.embedder = embedder;
        this.events = events;
        this.clock = clock;
    }

    public IngestReport ingest(IngestRequest request, IngestProgress progress) {
        DocumentNames.requireValid(request.slug(), request.title(), request.baseUrl());
        Instant started = clock.instant();
        DocumentView document = documents.open(request.slug(), request.title(), blankToNull(request.baseUrl()),
                embedder.id(), started);
        Map<String, Documents.StoredPage> stored = documents.pages(document.id());
        List<SourceFile> files = request.files().stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        List<String> unchanged = request.unchanged().stream().filter(stored::containsKey).sorted().toList();
        progress.started(files.size() + unchanged.size());

        Run run = new Run(document, progress, files.size() + unchanged.size());
        Set<String> kept = new HashSet<>();
        for (String path : unchanged) {
            kept.add(path);
            run.unchanged();
        }
        for (SourceFile file : files) {
            byte[] content;
            try {
                content = file.read();
            }
            catch (IOException e) {
                run.skip(file.path(), file.path() + ": cannot be read (" + e.getMessage() + ")");
                continue;
            }
            String checksum = checksum(content);
            Documents.StoredPage old = stored.get(file.path());
            if (old != null && old.checksum().equals(checksum)) {
                kept.add(file.path());
                run.unchanged();
                continue;
            }
            try {
                ParsedPage page = parser.parse(file.path(), file.format(), content);
                List<Chunk> chunks = chunker.chunk(page);
                if (chunks.isEmpty()) {
                    throw new UnreadablePageException(file.path(), "no text found");
                }
                kept.add(file.path());
                run.add(page, checksum, chunks);
            }
            catch (UnreadablePageException e) {
                run.skip(file.path(), e.getMessage());
            }
        }
        run.flush();
        if (kept.isEmpty()) {
            refuseEmpty(document, stored.isEmpty() && document.ingestedAt() == null, run.skipped, files.size());
        }
        List<String> removed = stored.keySet().stream().filter(path -> !kept.contains(path)).sorted().toList();
        documents.deletePages(document.id(), removed);
        documents.finishIngest(document.id(), clock.instant());
        events.publishEvent(new DocumentIngested(document.id(), document.slug(), kept.size(), run.passages));
        return new IngestReport(document.id(), run.changed, run.unchanged, removed.size(), run.passages,
                List.copyOf(run.skipped), Duration.between(started, clock.instant()));
    }

    /**
     * A set with no readable page is a mistake (the wrong folder, a zip of images), not a
     * wish to empty the set: the set is left as it was, and one this ingest created is
     * removed again.
     */
    private void refuseEmpty(DocumentView document, boolean created, List<String> skipped, int files) {
        if (created) {
            documents.delete(document.id());
        }
        throw Problem
            .invalid("files", "none of the " + files + " file(s) could be ingested" + (skipped.isEmpty() ? "" : " ("
                    + String.join("; ", skipped.stream().limit(3).toList()) + (skipped.size() > 3 ? "; …" : "") + ")"));
    }

    private static String checksum(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * One ingest under way: pages wait here until enough passages are gathered to embed
     * them together.
     */
    private final class Run {

        private record Pending(ParsedPage page, String checksum, List<Chunk> chunks) {
        }

        private final DocumentView document;

        private final IngestProgress progress;

        private final int total;

        private final List<Pending> pending = new ArrayList<>();

        private final List<String> skipped = new ArrayList<>();

        private int pendingPassages;

        private int done;

        private int changed;

        private int unchanged;

        private int passages;

        Run(DocumentView document, IngestProgress progress, int total) {
            this.document = document;
            this.progress = progress;
            this.total = total;
        }

        void unchanged() {
            unchanged++;
            advance();
        }

        /**
         * @param why the path and the reason, e.g. {@code a/b.png: unsupported file type}
         */
        void skip(String path, String why) {
            skipped.add(why);
            progress.skipped(path, why);
            advance();
        }

        void add(ParsedPage page, String checksum, List<Chunk> chunks) {
            pending.add(new Pending(page, checksum, chunks));
            pendingPassages += chunks.size();
            if (pendingPassages >= EMBED_BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<String> texts = new ArrayList<>(pendingPassages);
            for (Pending page : pending) {
                for (Chunk chunk : page.chunks()) {
                    texts.add(Chunk.embeddingText(chunk.pageTitle(), chunk.section(), chunk.text()));
                }
            }
            List<float[]> vectors = embedder.embedPassages(texts);
            int next = 0;
            for (Pending page : pending) {
                List<Documents.NewChunk> rows = new ArrayList<>(page.chunks().size());
                for (Chunk chunk : page.chunks()) {
                    rows.add(new Documents.NewChunk(chunk.position(), chunk.section(), chunk.url(), chunk.text(),
                            vectors.get(next++)));
                }
                documents.replacePage(document.id(), page.page().path(), page.page().title(), page.checksum(), rows);
                changed++;
                passages += rows.size();
                advance();
            }
            pending.clear();
            pendingPassages = 0;
        }

        private void advance() {
            done++;
            progress.advanced(done, total, passages);
        }

    }

}
