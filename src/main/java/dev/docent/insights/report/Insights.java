package dev.docent.insights.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The insights for a time range and a document set (or all): how many questions a day,
 * how they went, the documentation gaps and top questions grouped by meaning, the most
 * cited pages and the pages never cited.
 */
public record Insights(LocalDate from, LocalDate to, UUID documentId, List<Day> questionsPerDay, Outcomes outcomes,
        List<Group> gaps, List<Group> topQuestions, List<CitedPage> citedPages, List<Page> neverCited) {

    public record Day(LocalDate day, long questions) {
    }

    public record Outcomes(long questions, long answered, long notCovered, long thumbsUp, long thumbsDown, long stopped,
            long failed) {
    }

    /**
     * Questions that mean the same; {@code label} is the first of them still kept (empty
     * when all are past retention).
     */
    public record Group(long cluster, String label, long questions, long notCovered, long thumbsDown,
            List<String> examples, List<Passage> passages) {
    }

    public record Passage(String documentTitle, String page, String section, String url, String snippet) {
    }

    public record CitedPage(UUID documentId, String documentTitle, String page, String url, long citations,
            List<CitedSection> sections) {
    }

    public record CitedSection(String section, String url, long citations) {
    }

    public record Page(UUID documentId, String documentTitle, String page, String title) {
    }

    /** A question behind a row, with who asked as a pseudonym. */
    public record Asked(UUID chatId, String reader, String question, Instant askedAt, String outcome, String rating,
            String reason) {
    }

}
