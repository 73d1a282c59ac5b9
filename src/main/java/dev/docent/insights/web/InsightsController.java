package dev.docent.insights.web;

import dev.docent.chat.ChatHistory;
import dev.docent.chat.MessageView;
import dev.docent.insights.grouping.Csv;
import dev.docent.insights.report.Insights;
import dev.docent.insights.report.InsightsReport;
import dev.docent.insights.report.Pseudonyms;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Insights", description = "What readers ask and miss (ADMIN)")
@RestController
@RequestMapping("/api/v1/insights")
class InsightsController {

    static final int DEFAULT_DAYS = 30;

    static final int MAX_DAYS = 3660;

    static final int EXPORTED = 1000;

    static final Set<String> OUTCOMES = Set.of("ANSWERED", "NOT_COVERED", "STOPPED", "FAILED");

    /** A conversation behind a row, read only; who asked is a pseudonym. */
    record Transcript(UUID chatId, String reader, String title, List<MessageView> messages) {
    }

    private final InsightsReport report;

    private final ChatHistory history;

    private final Pseudonyms pseudonyms;

    private final Clock clock;

    InsightsController(InsightsReport report, ChatHistory history, Pseudonyms pseudonyms, Clock clock) {
        this.report = report;
        this.history = history;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @Operation(operationId = "getInsights",
            summary = "Questions per day, outcomes, documentation gaps, top questions, most and never cited pages (ADMIN)")
    @ApiResponse(responseCode = "200", description = "The insights for the range and set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Insights.class)))
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Insights insights(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID documentId) {
        return report.insights(range(from, to, documentId));
    }

    @Operation(operationId = "listInsightQuestions",
            summary = "The questions behind a row of the insights, newest first, with their conversations (ADMIN)")
    @GetMapping(path = "/questions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Insights.Asked> questions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID documentId, @RequestParam(required = false) Long cluster,
            @RequestParam(defaultValue = "false") boolean gap, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String rating, @RequestParam(required = false) String page,
            @RequestParam(required = false) UUID pageDocumentId) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw Problem.invalid("outcome", "must be one of ANSWERED, NOT_COVERED, STOPPED, FAILED");
        }
        if (rating != null && !rating.equals("up") && !rating.equals("down")) {
            throw Problem.invalid("rating", "must be 'up' or 'down'");
        }
        return report.asked(range(from, to, documentId),
                new InsightsReport.Behind(cluster, gap, outcome, rating, page, pageDocumentId));
    }

    @Operation(operationId = "readInsightConversation",
            summary = "A conversation behind the insights, read only, its reader as a pseudonym (ADMIN)")
    @GetMapping(path = "/conversations/{chatId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Transcript conversation(@PathVariable UUID chatId) {
        UUID asker = report.asker(chatId)
            .orElseThrow(() -> Problem.notFound("Conversation " + chatId + " (deleted, or past retention)"));
        var chat = history.everything(new UserId(asker), new ChatId(chatId));
        return new Transcript(chatId, pseudonyms.of(asker), chat.title(), chat.messages());
    }

    @Operation(operationId = "exportInsights", summary = "One table of the insights as CSV (ADMIN)")
    @ApiResponse(responseCode = "200", description = "The table, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(path = "/export/{table}")
    ResponseEntity<byte[]> export(@PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID documentId) {
        InsightsReport.Range range = range(from, to, documentId);
        String csv = switch (table) {
            case "questions-per-day" -> InsightsCsv.perDay(report.questionsPerDay(range));
            case "outcomes" -> InsightsCsv.outcomes(report.outcomes(range));
            case "gaps" -> InsightsCsv.groups(report.groups(range, true, EXPORTED));
            case "top-questions" -> InsightsCsv.groups(report.groups(range, false, EXPORTED));
            case "cited-pages" -> InsightsCsv.citedPages(report.citedPages(range, EXPORTED));
            case "never-cited" -> InsightsCsv.neverCited(report.neverCited(range, EXPORTED * 10));
            default -> throw Problem.invalid("table",
                    "must be one of questions-per-day, outcomes, gaps, " + "top-questions, cited-pages, never-cited");
        };
        String filename = "docent-" + table + "-" + range.from() + "-" + range.to() + ".csv";
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename).build().toString())
            .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private InsightsReport.Range range(LocalDate from, LocalDate to, UUID documentId) {
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw Problem.invalid("from", "must not be after 'to' (" + last + ")");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw Problem.invalid("from", "the range may span at most " + MAX_DAYS + " days");
        }
        return new InsightsReport.Range(first, last, documentId);
    }

    /** The tables as CSV, one row per line as the page shows them. */
    static final class InsightsCsv {

        private InsightsCsv() {
        }

        static String perDay(List<Insights.Day> days) {
            Csv csv = new Csv().row("day", "questions");
            days.forEach(d -> csv.row(d.day(), d.questions()));
            return csv.toString();
        }

        static String outcomes(Insights.Outcomes o) {
            return new Csv().row("outcome", "questions")
                .row("questions", o.questions())
                .row("answered", o.answered())
                .row("not covered", o.notCovered())
                .row("thumbs up", o.thumbsUp())
                .row("thumbs down", o.thumbsDown())
                .row("stopped", o.stopped())
                .row("failed", o.failed())
                .toString();
        }

        static String groups(List<Insights.Group> groups) {
            Csv csv = new Csv().row("question", "questions", "not covered", "thumbs down", "examples",
                    "retrieved passages");
            groups.forEach(g -> csv.row(g.label(), g.questions(), g.notCovered(), g.thumbsDown(),
                    String.join("\n", g.examples()),
                    String.join("\n",
                            g.passages()
                                .stream()
                                .map(p -> p.documentTitle() + " — " + p.page() + " § " + p.section())
                                .toList())));
            return csv.toString();
        }

        static String citedPages(List<Insights.CitedPage> pages) {
            Csv csv = new Csv().row("document", "page", "url", "citations", "sections");
            pages.forEach(p -> csv.row(p.documentTitle(), p.page(), p.url(), p.citations(), String.join("\n",
                    p.sections().stream().map(s -> s.section() + " (" + s.citations() + ")").toList())));
            return csv.toString();
        }

        static String neverCited(List<Insights.Page> pages) {
            Csv csv = new Csv().row("document", "page", "title");
            pages.forEach(p -> csv.row(p.documentTitle(), p.page(), p.title()));
            return csv.toString();
        }

    }

}
