package dev.docent.knowledge.upload;

import dev.docent.knowledge.IngestionJob;
import dev.docent.knowledge.ingest.IngestReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Upload jobs in the database, so any instance can report on a job another one runs. A
 * job still unfinished whose row has not been touched for {@link #STALLED_AFTER} lost its
 * instance and is reported failed.
 */
@Repository
class IngestionJobs {

    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private static final int MAX_SKIPPED_SHOWN = 100;

    private final JdbcClient jdbc;

    IngestionJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID job, String slug, Instant now) {
        jdbc.sql("""
                insert into ingestion_jobs (id, slug, state, created_at, updated_at) values (?, ?, 'QUEUED', ?, ?)""")
            .params(job, slug, ts(now), ts(now))
            .update();
    }

    void progress(UUID job, int pagesDone, int pagesTotal, int passages, Instant now) {
        jdbc.sql("""
                update ingestion_jobs set state = 'RUNNING', pages_done = ?, pages_total = ?, passages = ?,
                                          updated_at = ?
                where id = ?""").params(pagesDone, pagesTotal, passages, ts(now), job).update();
    }

    /** Marks the instance's unfinished jobs as alive. */
    void touch(List<UUID> jobs, Instant now) {
        for (UUID job : jobs) {
            jdbc.sql("update ingestion_jobs set updated_at = ? where id = ?").params(ts(now), job).update();
        }
    }

    void done(UUID job, IngestReport report, Instant now) {
        List<String> skipped = report.skipped()
            .stream()
            .limit(MAX_SKIPPED_SHOWN)
            .map(line -> line.length() > 180 ? line.substring(0, 179) + "…" : line)
            .toList();
        jdbc.sql("""
                update ingestion_jobs set state = 'DONE', document_id = ?, pages_done = pages_total, passages = ?,
                                          skipped = ?, updated_at = ?
                where id = ?""")
            .params(report.documentId(), report.passages(), skipped.isEmpty() ? null : String.join("\n", skipped),
                    ts(now), job)
            .update();
    }

    void failed(UUID job, String error, Instant now) {
        jdbc.sql("update ingestion_jobs set state = 'FAILED', error = ?, updated_at = ? where id = ?")
            .params(error.length() > 2000 ? error.substring(0, 2000) : error, ts(now), job)
            .update();
    }

    Optional<IngestionJob> find(UUID job, Instant now) {
        return jdbc.sql("select * from ingestion_jobs where id = ?")
            .param(job)
            .query((rs, row) -> job(rs, now))
            .optional();
    }

    private static IngestionJob job(ResultSet rs, Instant now) throws SQLException {
        IngestionJob.State state = IngestionJob.State.valueOf(rs.getString("state"));
        String error = rs.getString("error");
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        boolean unfinished = state == IngestionJob.State.QUEUED || state == IngestionJob.State.RUNNING;
        if (unfinished && updated.plus(STALLED_AFTER).isBefore(now)) {
            state = IngestionJob.State.FAILED;
            error = "The server running this ingest stopped before it finished; upload the files again.";
        }
        String skipped = rs.getString("skipped");
        return new IngestionJob(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class),
                rs.getString("slug"), state, rs.getInt("pages_done"), rs.getInt("pages_total"), rs.getInt("passages"),
                skipped == null ? List.of() : Arrays.asList(skipped.split("\n")), error,
                rs.getTimestamp("created_at").toInstant(), updated);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

}
