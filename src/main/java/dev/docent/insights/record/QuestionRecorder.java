package dev.docent.insights.record;

import dev.docent.assistant.QuestionAnswered;
import dev.docent.chat.Category;
import dev.docent.chat.ChatDeleted;
import dev.docent.chat.FeedbackChanged;
import dev.docent.chat.Source;
import dev.docent.llm.Embedder;
import dev.docent.shared.id.Ids;
import dev.docent.shared.Text;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what the insights need when a documentation question is answered: its cluster of
 * meaning, outcome, the passages retrieved and the pages cited, so that a report over
 * 100,000 questions is a handful of indexed aggregates. Ratings follow as they change.
 * Off the request path and best effort, as chat titles are.
 */
@Component
class QuestionRecorder {

    private static final Logger log = LoggerFactory.getLogger(QuestionRecorder.class);

    static final int MAX_QUESTION = 2000;

    static final int MAX_SNIPPET = 300;

    private final JdbcClient jdbc;

    private final Clusters clusters;

    private final Embedder embedder;

    private final TransactionTemplate tx;

    private final JsonMapper json;

    QuestionRecorder(JdbcClient jdbc, Clusters clusters, Embedder embedder, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.clusters = clusters;
        this.embedder = embedder;
        this.tx = tx;
        this.json = json;
    }

    /**
     * No transaction around it: embedding the question must not hold a connection. The
     * question is stored before it is embedded and grouped, so a rating given while the
     * embedding runs (the reader rates at once, the server is busy) finds its row: it was
     * lost when the row came only after the embedding.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void answered(QuestionAnswered answered) {
        if (answered.category() != Category.OFFICIAL_DOCS) {
            return;
        }
        String question = Text.shorten(answered.question().strip(), MAX_QUESTION);
        UUID id = answered.answerId() != null ? answered.answerId() : Ids.newUuid7();
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into question_insights (id, asked_at, asked_day, document_id, cluster_id, outcome, chat_id,
                                                   user_id, question, passages)
                    values (?, ?, ?, ?, null, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(answered.askedAt()),
                        java.sql.Date.valueOf(LocalDate.ofInstant(answered.askedAt(), ZoneOffset.UTC)),
                        answered.documentId(), answered.outcome().name(), answered.chat().value(),
                        answered.user().value(), question, passages(answered.retrieved()))
                .update();
            for (Source page : citedPages(answered.cited())) {
                jdbc.sql("""
                        insert into insight_citations (insight_id, asked_at, document_id, document_title, page,
                                                       section, url)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, Timestamp.from(answered.askedAt()), page.documentId(),
                            Text.shorten(page.documentTitle(), 200), Text.shorten(page.page(), 1000),
                            page.section() == null ? null : Text.shorten(page.section(), 500),
                            page.url() == null ? null : Text.shorten(page.url(), 2000))
                    .update();
            }
        });
        try {
            long cluster = clusters.assign(question, embedder.embedQuery(question), embedder.id(), answered.askedAt());
            jdbc.sql("update question_insights set cluster_id = ? where id = ?").params(cluster, id).update();
        }
        catch (RuntimeException e) {
            log.warn("Could not group question of chat {} by meaning: {}", answered.chat(), e.toString());
        }
    }

    @ApplicationModuleListener
    void rated(FeedbackChanged changed) {
        jdbc.sql("update question_insights set rating = ?, reason = ? where id = ?")
            .params(changed.feedback() == null ? null : changed.feedback().rating(),
                    changed.feedback() == null ? null : changed.feedback().reason(), changed.messageId())
            .update();
    }

    /** A deleted conversation leaves only aggregates, as retention does. */
    @ApplicationModuleListener
    void deleted(ChatDeleted deleted) {
        jdbc.sql("""
                update question_insights set question = null, chat_id = null, user_id = null, passages = null
                where chat_id = ?""").param(deleted.chat().value()).update();
    }

    /** One citation per page and section, however often the answer cites it. */
    private static List<Source> citedPages(List<Source> cited) {
        Set<String> seen = new LinkedHashSet<>();
        List<Source> pages = new ArrayList<>();
        for (Source source : cited) {
            if (source.documentId() != null && source.page() != null
                    && seen.add(source.documentId() + "\n" + source.page() + "\n" + source.section())) {
                pages.add(source);
            }
        }
        return pages;
    }

    private String passages(List<Source> retrieved) {
        List<Map<String, String>> kept = new ArrayList<>();
        for (Source source : retrieved.subList(0, Math.min(8, retrieved.size()))) {
            kept.add(Map.of("documentTitle", nonNull(source.documentTitle()), "page", nonNull(source.page()), "section",
                    nonNull(source.section()), "url", nonNull(source.url()), "snippet",
                    Text.shorten(nonNull(source.snippet()), MAX_SNIPPET)));
        }
        return json.writeValueAsString(kept);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

}
