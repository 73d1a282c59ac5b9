package dev.docent.chat;

import dev.docent.account.GuestAccounts;
import dev.docent.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The guest period ({@code DOCENT_RETENTION_GUEST_DAYS}, else
 * {@code DOCENT_RETENTION_DAYS}): widget visitors' conversations not updated for it are
 * deleted through the ordinary delete (tombstones in the cache), then the guest accounts
 * that own no chat any more and were not visited for it. Walks the guest accounts, not
 * the chats: signed-in users' old chats, kept longer, are never read.
 */
@Component
class GuestRetention {

    private static final Logger log = LoggerFactory.getLogger(GuestRetention.class);

    static final int BATCH = 500;

    record Swept(int chats, int accounts) {
    }

    private final GuestAccounts guests;

    private final Chats chats;

    private final ChatHistory history;

    private final RetentionSettings settings;

    private final Clock clock;

    GuestRetention(GuestAccounts guests, Chats chats, ChatHistory history, RetentionSettings settings, Clock clock) {
        this.guests = guests;
        this.chats = chats;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${docent.retention.initial-delay:60s}",
            fixedDelayString = "${docent.retention.interval:1h}")
    void sweep() {
        if (settings.guestPeriod() > 0) {
            Swept swept = deleteExpired();
            if (swept.chats() > 0 || swept.accounts() > 0) {
                log.info("Deleted {} guest conversations and {} empty guest accounts older than {} days", swept.chats(),
                        swept.accounts(), settings.guestPeriod());
            }
        }
    }

    Swept deleteExpired() {
        Instant before = settings.guestCutoff(clock);
        int deletedChats = 0;
        int deletedAccounts = 0;
        UUID after = null;
        List<GuestAccounts.Visit> page;
        do {
            page = guests.after(after, BATCH);
            if (page.isEmpty()) {
                break;
            }
            List<UUID> ids = page.stream().map(visit -> visit.id().value()).toList();
            deletedChats += ChatRetention.deleteEach(history, chats.ofOwnersUpdatedBefore(ids, before));
            Set<UUID> owning = chats.owning(ids);
            List<UserId> empty = page.stream()
                .filter(visit -> visit.lastVisit().isBefore(before) && !owning.contains(visit.id().value()))
                .map(GuestAccounts.Visit::id)
                .toList();
            deletedAccounts += guests.deleteNotVisitedSince(empty, before);
            after = ids.getLast();
        }
        while (page.size() == BATCH);
        return new Swept(deletedChats, deletedAccounts);
    }

}
