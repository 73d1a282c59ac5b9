package dev.docent.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param days conversations not updated for this many days are deleted, and the insights
 * keep only aggregates of questions older than that (env {@code DOCENT_RETENTION_DAYS});
 * 0 keeps everything
 * @param interval how often the background sweep runs (env
 * {@code DOCENT_RETENTION_INTERVAL})
 */
@ConfigurationProperties("docent.retention")
public record RetentionSettings(@DefaultValue("0") int days, @DefaultValue("1h") Duration interval) {

    public RetentionSettings {
        if (days < 0) {
            throw new IllegalArgumentException("docent.retention.days must be 0 (keep all) or more, not " + days);
        }
    }

    public boolean enabled() {
        return days > 0;
    }

    /** What was last touched before this instant is past retention. */
    public Instant cutoff(Clock clock) {
        return clock.instant().minus(Duration.ofDays(days));
    }

}
