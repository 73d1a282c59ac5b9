package dev.docent.insights.retention;

import dev.docent.chat.RetentionSettings;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Past the retention period the insights keep aggregates only: a question's text, its
 * chat, its asker and the passages retrieved for it are cleared, and so is a cluster's
 * label taken from such a question (the next question to join names it again). What stays
 * counts: when, which set, which cluster, outcome, rating, pages cited.
 */
@Component
class InsightsRetention {

    private static final Logger log = LoggerFactory.getLogger(InsightsRetention.class);

    private final JdbcClient jdbc;

    private final RetentionSettings settings;

    private final Clock clock;

    InsightsRetention(JdbcClient jdbc, RetentionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${docent.retention.initial-delay:60s}",
            fixedDelayString = "${docent.retention.interval:1h}")
    void sweep() {
        if (settings.enabled()) {
            int cleared = keepAggregatesOnly();
            if (cleared > 0) {
                log.info("Kept only aggregates of {} questions older than {} days", cleared, settings.days());
            }
        }
    }

    int keepAggregatesOnly() {
        Timestamp before = Timestamp.from(settings.cutoff(clock));
        int cleared = jdbc.sql("""
                update question_insights set question = null, chat_id = null, user_id = null, passages = null
                where asked_at < ? and (question is not null or chat_id is not null)""").param(before).update();
        jdbc.sql("update insight_clusters set label = '' where created_at < ? and label <> ''").param(before).update();
        return cleared;
    }

}
