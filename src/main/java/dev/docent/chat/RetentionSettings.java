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
 * @param guestDays widget visitors' conversations not updated for this many days are
 * deleted, and so are their guest accounts once empty and not visited for as long (env
 * {@code DOCENT_RETENTION_GUEST_DAYS}); 0 follows {@code days}. At most {@code days} when
 * that is set: the general sweep deletes guests' conversations too.
 * @param interval how often the background sweeps run (env
 * {@code DOCENT_RETENTION_INTERVAL})
 */
@ConfigurationProperties("docent.retention")
public record RetentionSettings(@DefaultValue("0") int days, @DefaultValue("0") int guestDays,
        @DefaultValue("1h") Duration interval) {

    public RetentionSettings {
        if (days < 0) {
            throw new IllegalArgumentException("docent.retention.days must be 0 (keep all) or more, not " + days);
        }
        if (guestDays < 0) {
            throw new IllegalArgumentException(
                    "docent.retention.guest-days must be 0 (as docent.retention.days) or more, not " + guestDays);
        }
        if (days > 0 && guestDays > days) {
            throw new IllegalArgumentException(
                    "docent.retention.guest-days (" + guestDays + ") must not exceed docent.retention.days (" + days
                            + "): every conversation, a guest's too, is deleted after " + days + " days");
        }
    }

    public boolean enabled() {
        return days > 0;
    }

    /** What was last touched before this instant is past retention. */
    public Instant cutoff(Clock clock) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    /** How long guests' conversations and empty guest accounts are kept; 0 for ever. */
    public int guestPeriod() {
        return guestDays > 0 ? guestDays : days;
    }

    /** What a guest last touched before this instant is past the guest period. */
    public Instant guestCutoff(Clock clock) {
        return clock.instant().minus(Duration.ofDays(guestPeriod()));
    }

}
