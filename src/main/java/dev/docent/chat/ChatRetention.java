package dev.docent.chat;

import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes conversations older than the retention period, in the background, one at a time
 * through the ordinary delete: each commits, then leaves its tombstone in the cache, so
 * no instance serves a deleted chat.
 */
@Component
class ChatRetention {

    private static final Logger log = LoggerFactory.getLogger(ChatRetention.class);

    static final int BATCH = 500;

    private final Chats chats;

    private final ChatHistory history;

    private final RetentionSettings settings;

    private final Clock clock;

    ChatRetention(Chats chats, ChatHistory history, RetentionSettings settings, Clock clock) {
        this.chats = chats;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${docent.retention.initial-delay:60s}",
            fixedDelayString = "${docent.retention.interval:1h}")
    void sweep() {
        if (settings.enabled()) {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Deleted {} conversations older than {} days", deleted, settings.days());
            }
        }
    }

    /** Deletes every expired conversation; how many were deleted. */
    int deleteExpired() {
        var before = settings.cutoff(clock);
        int deleted = 0;
        List<Chats.Owned> expired;
        do {
            expired = chats.updatedBefore(before, BATCH);
            deleted += deleteEach(history, expired);
        }
        while (expired.size() == BATCH);
        return deleted;
    }

    /**
     * Deletes each chat through the ordinary delete (its tombstone reaches the cache);
     * how many were deleted.
     */
    static int deleteEach(ChatHistory history, List<Chats.Owned> expired) {
        int deleted = 0;
        for (Chats.Owned chat : expired) {
            try {
                history.delete(new UserId(chat.user()), new ChatId(chat.chat()));
                deleted++;
            }
            catch (Problem alreadyGone) {
                // deleted by its reader, or by another sweep, meanwhile
            }
        }
        return deleted;
    }

}
