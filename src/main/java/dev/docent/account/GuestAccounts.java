package dev.docent.account;

import dev.docent.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The guest accounts of widget visitors, one per key and visitor (decision 0018), for the
 * guest retention sweep: it reads them page by page and deletes those that own no chat
 * any more and were not visited for the guest period.
 */
@Service
public class GuestAccounts {

    /** A guest credential never lasts longer (the widget's setting is validated so). */
    public static final Duration LONGEST_CREDENTIAL = Duration.ofDays(1);

    /** The JWT decoder accepts an expired token this long (Spring Security's default). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    public record Visit(UserId id, Instant lastVisit) {
    }

    private final Accounts accounts;

    private final Clock clock;

    GuestAccounts(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Guest accounts with an id above {@code after} (from the first when null), in id
     * order.
     */
    public List<Visit> after(UUID after, int limit) {
        return accounts.guestsAfter(after, limit);
    }

    /**
     * Deletes those of {@code guests} not visited since {@code before}, nor during the
     * last credential's lifetime: a chat only a live credential could create cannot be
     * lost with its account (a deleted account takes its chats along, without the
     * history's tombstones). The caller checks they own no chat. How many were deleted.
     */
    public int deleteNotVisitedSince(Collection<UserId> guests, Instant before) {
        Instant noLiveCredential = clock.instant().minus(LONGEST_CREDENTIAL).minus(CLOCK_SKEW);
        return accounts.deleteGuestsNotVisitedSince(guests,
                before.isBefore(noLiveCredential) ? before : noLiveCredential);
    }

}
