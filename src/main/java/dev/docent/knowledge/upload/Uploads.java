package dev.docent.knowledge.upload;

import dev.docent.knowledge.IngestionJob;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.KnowledgeSettings;
import dev.docent.knowledge.ingest.DocumentNames;
import dev.docent.knowledge.ingest.IngestProgress;
import dev.docent.knowledge.ingest.IngestReport;
import dev.docent.knowledge.ingest.IngestRequest;
import dev.docent.knowledge.ingest.Ingestion;
import dev.docent.knowledge.ingest.SourceFile;
import dev.docent.shared.Problem;
import dev.docent.shared.id.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Document sets uploaded through the API: the files are staged (and checked) while the
 * request waits, then ingested in the background, one upload at a time per instance, with
 * the job's progress in the database.
 */
@Service
public class Uploads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final Ingestion ingestion;

    private final IngestionJobs jobs;

    private final KnowledgeSettings settings;

    private final Clock clock;

    private final ExecutorService worker = Executors
        .newSingleThreadExecutor(Thread.ofPlatform().name("ingest-upload").daemon().factory());

    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    private final KnowledgeBase knowledge;

    Uploads(Ingestion ingestion, IngestionJobs jobs, KnowledgeBase knowledge, KnowledgeSettings settings, Clock clock) {
        this.ingestion = ingestion;
        this.knowledge = knowledge;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /** An uploaded file: the name the client gave it, and its content. */
    public record UploadedFile(String fileName, InputStream content) {
    }

    /**
     * Stages the files and queues their ingest; returns the job's id.
     * @param update whether the upload may update the set of that slug if there is one; a
     * set is never replaced without saying so
     * @throws Problem 400 for a bad slug, title, file name or archive; 409 when the slug
     * is taken and {@code update} is false; 413 when the upload unpacks too large
     */
    public UUID accept(String slug, String title, String baseUrl, boolean update, List<UploadedFile> files) {
        DocumentNames.requireValid(slug, title, baseUrl);
        if (!update) {
            knowledge.requireNew(slug);
        }
        if (files.isEmpty()) {
            throw Problem.invalid("files", "attach at least one file (HTML, Markdown, text, PDF, or a zip of them)");
        }
        UUID job = Ids.newUuid7();
        Path directory = settings.uploadDir().resolve(job.toString());
        List<SourceFile> staged;
        try {
            Files.createDirectories(directory);
            staged = new UploadStaging(
                    new UploadStaging.Limits(settings.maxUnpackedSize().toBytes(), settings.maxFiles()))
                .stage(directory, files);
        }
        catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException(e);
        }
        catch (Problem refused) {
            log.info("Upload to '{}' refused: {}", slug, refused.getMessage());
            delete(directory);
            throw refused;
        }
        catch (RuntimeException e) {
            delete(directory);
            throw e;
        }
        IngestRequest request = new IngestRequest(slug, title, baseUrl, staged);
        queue(job, slug, progress -> ingestion.ingest(request, progress), () -> delete(directory));
        return job;
    }

    /**
     * Queues other work that ends in an ingest (a crawl of a published site) behind the
     * uploads, with the same job record, progress and report; returns the job's id.
     * @param work gathers the pages and ingests them, telling the progress; a
     * {@link Problem} it throws is the job's error
     */
    public UUID submit(String slug, Function<IngestProgress, IngestReport> work) {
        UUID job = Ids.newUuid7();
        queue(job, slug, work, () -> {
        });
        return job;
    }

    private void queue(UUID job, String slug, Function<IngestProgress, IngestReport> work, Runnable cleanup) {
        jobs.create(job, slug, clock.instant());
        active.add(job);
        worker.submit(() -> run(job, slug, work, cleanup));
    }

    public Optional<IngestionJob> job(UUID job) {
        return jobs.find(job, clock.instant());
    }

    /** Keeps this instance's jobs from looking abandoned while they wait or run. */
    @Scheduled(fixedDelay = 30_000)
    void heartbeat() {
        if (!active.isEmpty()) {
            jobs.touch(List.copyOf(active), clock.instant());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private void run(UUID job, String slug, Function<IngestProgress, IngestReport> work, Runnable cleanup) {
        try {
            IngestReport report = work.apply(new IngestProgress() {
                private long lastWrite;

                @Override
                public void advanced(int pagesDone, int pagesTotal, int passages) {
                    long now = System.nanoTime();
                    if (pagesDone == pagesTotal || now - lastWrite > 250_000_000L || pagesDone == 1) {
                        jobs.progress(job, pagesDone, pagesTotal, passages, clock.instant());
                        lastWrite = now;
                    }
                }
            });
            jobs.done(job, report, clock.instant());
            log.info("Upload {} ingested into '{}': {} pages, {} passages, {} skipped", job, slug, report.pages(),
                    report.passages(), report.skipped().size());
        }
        catch (Problem problem) {
            log.info("Upload {} into '{}' failed: {}", job, slug, problem.getMessage());
            jobs.failed(job, problem.getMessage(), clock.instant());
        }
        catch (RuntimeException e) {
            log.warn("Upload {} failed", job, e);
            jobs.failed(job, "The ingest failed: " + e.getMessage(), clock.instant());
        }
        catch (Error e) {
            // whatever ended the ingest, the job must not sit QUEUED or RUNNING until it
            // looks abandoned
            log.error("Upload {} into '{}' failed: {}", job, slug, e.toString());
            jobs.failed(job, "The ingest failed: " + e, clock.instant());
        }
        finally {
            active.remove(job);
            cleanup.run();
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            log.warn("Could not remove the staged upload {}: {}", directory, e.toString());
        }
    }

}
