package dev.docent.chat.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import dev.docent.shared.id.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history cache contract (README, "The history cache"; decisions 0001 and 0006), run
 * against every adapter. Each test breaks if its rule is broken.
 */
abstract class HistoryCacheContract {

    static final CacheSettings SETTINGS = new CacheSettings(true, Duration.ofSeconds(600), Duration.ofSeconds(60), 5,
            100, Duration.ofSeconds(1), Duration.ofSeconds(1));

    HistoryCache cache;

    UserId user;

    abstract HistoryCache newCache();

    /**
     * Damages the user's index the way a partial eviction would: one chat's entry gone,
     * the rest kept.
     */
    abstract void evictPartOfIndex(UserId user, ChatId chat);

    abstract void corrupt(UserId user, ChatId chat);

    /** Remaining lifetime of a chat entry, in milliseconds. */
    abstract long ttlMillis(UserId user, ChatId chat);

    /** Makes a chat entry about to expire, as if it had been filled long ago. */
    abstract void ageEntry(UserId user, ChatId chat);

    @BeforeEach
    void setUp() {
        cache = newCache();
        user = new UserId(Ids.newUuid7());
    }

    @Test
    void aMissIsFilledAndThenServed() {
        ChatId chat = newChatId();
        assertThat(cache.chat(user, chat)).isEmpty();
        assertThat(cache.fillChat(user, chat, 3, json("v3"))).isTrue();
        assertCached(chat, "v3");
    }

    @Test
    void aFillFromAnOlderReadNeverReplacesANewerWrite() {
        ChatId chat = newChatId();
        cache.changed(user, chat, 6, json("v6"), entry(chat, 6, 2000));
        assertThat(cache.fillChat(user, chat, 5, json("v5"))).isFalse();
        assertCached(chat, "v6");
    }

    @Test
    void aFillHeldAcrossADeleteStaysInvisible() {
        ChatId chat = newChatId();
        cache.fillChat(user, chat, 5, json("v5"));
        byte[] readBeforeDelete = json("v5");
        cache.deleted(user, chat);
        assertThat(cache.fillChat(user, chat, 5, readBeforeDelete)).isFalse();
        assertThat(cache.chat(user, chat)).isEmpty();
    }

    @Test
    void aFillHeldAcrossAnAppendStaysInvisible() {
        ChatId chat = newChatId();
        byte[] readBeforeAppend = json("v5");
        cache.changed(user, chat, 6, json("v6"), entry(chat, 6, 2000));
        cache.fillChat(user, chat, 5, readBeforeAppend);
        assertCached(chat, "v6");
    }

    @Test
    void aLateChangeCannotResurrectADeletedChat() {
        ChatId chat = newChatId();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(chat, 4, 1000)));
        cache.deleted(user, chat);
        cache.changed(user, chat, 5, json("v5"), entry(chat, 5, 3000));
        assertThat(cache.chat(user, chat)).isEmpty();
        assertThat(cache.page(user, null, 10)).hasValueSatisfying(page -> assertThat(page).isEmpty());
    }

    @Test
    void theIndexServesPagesNewestFirstWithCursors() {
        List<HistoryCache.IndexEntry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(entry(newChatId(), 1, 1000 + i));
        }
        assertThat(cache.fillIndex(user, cache.listStamp(user), entries)).isTrue();
        List<HistoryCache.IndexEntry> first = cache.page(user, null, 3).orElseThrow();
        assertThat(first).extracting(HistoryCache.IndexEntry::chat)
            .containsExactly(entries.get(6).chat(), entries.get(5).chat(), entries.get(4).chat());
        List<HistoryCache.IndexEntry> second = cache.page(user, ListCursor.fromMember(first.get(2).member()), 10)
            .orElseThrow();
        assertThat(second).extracting(HistoryCache.IndexEntry::chat)
            .containsExactly(entries.get(3).chat(), entries.get(2).chat(), entries.get(1).chat(),
                    entries.get(0).chat());
        assertThat(second.get(0).json()).isEqualTo(entries.get(3).json());
    }

    @Test
    void anEmptyListIsCachedToo() {
        assertThat(cache.fillIndex(user, cache.listStamp(user), List.of())).isTrue();
        assertThat(cache.page(user, null, 10)).hasValueSatisfying(page -> assertThat(page).isEmpty());
    }

    @Test
    void aListFillIsRefusedWhenTheListChangedSinceItWasRead() {
        long stamp = cache.listStamp(user);
        ChatId created = newChatId();
        cache.changed(user, created, 1, json("new"), entry(created, 1, 5000));
        assertThat(cache.fillIndex(user, stamp, List.of(entry(newChatId(), 1, 1000)))).isFalse();
        assertThat(cache.page(user, null, 10)).isEmpty();
    }

    @Test
    void changesUpdateACompleteIndexInPlace() {
        ChatId older = newChatId();
        ChatId newer = newChatId();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(older, 1, 1000), entry(newer, 1, 2000)));
        cache.changed(user, older, 2, json("older v2"), entry(older, 2, 3000));
        ChatId created = newChatId();
        cache.changed(user, created, 1, json("created"), entry(created, 1, 4000));
        assertThat(cache.page(user, null, 10).orElseThrow()).extracting(HistoryCache.IndexEntry::chat)
            .containsExactly(created, older, newer);
    }

    /**
     * Feedback on an answer bumps the chat's version but not its place in the list: the
     * entry and the summary are replaced in place, and a fill read before it cannot undo
     * it.
     */
    @Test
    void aChangeThatKeepsItsPlaceReplacesTheEntryAndTheSummaryInPlace() {
        ChatId chat = newChatId();
        ChatId other = newChatId();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(chat, 4, 1000), entry(other, 1, 2000)));
        cache.fillChat(user, chat, 4, json("unrated"));
        cache.changed(user, chat, 5, json("rated"), entry(chat, 5, 1000));
        assertThat(cache.fillChat(user, chat, 4, json("unrated"))).isFalse();
        assertCached(chat, "rated");
        List<HistoryCache.IndexEntry> page = cache.page(user, null, 10).orElseThrow();
        assertThat(page).extracting(HistoryCache.IndexEntry::chat).containsExactly(other, chat);
        assertThat(new String(page.get(1).json(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"v\":5");
    }

    @Test
    void anOlderChangeDoesNotMoveAChatBack() {
        ChatId chat = newChatId();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(chat, 7, 7000)));
        cache.changed(user, chat, 6, json("v6"), entry(chat, 6, 6000));
        HistoryCache.IndexEntry shown = cache.page(user, null, 10).orElseThrow().getFirst();
        assertThat(shown.member()).isEqualTo(entry(chat, 7, 7000).member());
    }

    @Test
    void aPartlyEvictedIndexIsServedCompleteOrNotAtAll() {
        ChatId a = newChatId();
        ChatId b = newChatId();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(a, 1, 1000), entry(b, 1, 2000)));
        evictPartOfIndex(user, a);
        assertCompleteOrAbsent(b, a);
        ChatId c = newChatId();
        cache.changed(user, c, 1, json("c"), entry(c, 1, 3000));
        assertCompleteOrAbsent(c, b, a);
        cache.deleted(user, b);
        assertCompleteOrAbsent(c, a);
    }

    private void assertCompleteOrAbsent(ChatId... newestFirst) {
        cache.page(user, null, 10)
            .ifPresent(page -> assertThat(page).extracting(HistoryCache.IndexEntry::chat).containsExactly(newestFirst));
    }

    @Test
    void anUnreadableEntryIsAMissAndIsDropped() {
        ChatId chat = newChatId();
        cache.fillChat(user, chat, 1, json("v1"));
        corrupt(user, chat);
        assertThat(cache.chat(user, chat)).isEmpty();
        assertThat(cache.fillChat(user, chat, 1, json("v1 again"))).isTrue();
        assertCached(chat, "v1 again");
    }

    @Test
    void entriesLiveForTheTtlPlusJitterAndWritesRefreshIt() {
        List<Long> ttls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ChatId chat = newChatId();
            cache.fillChat(user, chat, 1, json("x"));
            ttls.add(ttlMillis(user, chat));
        }
        assertThat(ttls).allSatisfy(ttl -> assertThat(ttl).isBetween(599_000L, 660_000L));
        assertThat(ttls.stream().distinct().count()).as("jitter spreads expiries").isGreaterThan(1);
    }

    @Test
    void aWriteRefreshesTheTtl() {
        ChatId chat = newChatId();
        cache.fillChat(user, chat, 1, json("v1"));
        ageEntry(user, chat);
        assertThat(ttlMillis(user, chat)).isLessThan(2_000);
        cache.changed(user, chat, 2, json("v2"), entry(chat, 2, 2000));
        assertThat(ttlMillis(user, chat)).isGreaterThan(599_000);
    }

    @Test
    void invalidationDropsTheChatsAndTheIndex() {
        ChatId chat = newChatId();
        cache.fillChat(user, chat, 1, json("v1"));
        long stamp = cache.listStamp(user);
        cache.fillIndex(user, stamp, List.of(entry(chat, 1, 1000)));
        cache.invalidate(user, Map.of(chat, 2L));
        assertThat(cache.chat(user, chat)).isEmpty();
        assertThat(cache.page(user, null, 10)).isEmpty();
        assertThat(cache.fillIndex(user, stamp, List.of(entry(chat, 1, 1000)))).as("stamp moved on").isFalse();
    }

    @Test
    void writesAndFillsThatLandAfterAnInvalidationCannotBringOlderStateBack() {
        ChatId chat = newChatId();
        cache.fillChat(user, chat, 1, json("v1"));
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(chat, 1, 1000)));
        cache.invalidate(user, Map.of(chat, 3L));

        cache.changed(user, chat, 2, json("v2"), entry(chat, 2, 2000));
        assertThat(cache.fillChat(user, chat, 2, json("v2"))).isFalse();
        assertThat(cache.chat(user, chat)).as("below the floor").isEmpty();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(chat, 3, 3000)));
        cache.changed(user, chat, 2, json("v2"), entry(chat, 2, 2000));
        assertThat(cache.page(user, null, 10))
            .hasValueSatisfying(page -> assertThat(page).extracting(HistoryCache.IndexEntry::member)
                .containsExactly(entry(chat, 3, 3000).member()));

        assertThat(cache.fillChat(user, chat, 3, json("v3"))).as("the floor's own version").isTrue();
        assertCached(chat, "v3");
    }

    @Test
    void aDeletedChatStaysDeletedWhateverLandsAfterItsInvalidation() {
        ChatId chat = newChatId();
        cache.fillChat(user, chat, 1, json("v1"));
        cache.invalidate(user, Map.of(chat, HistoryCache.DELETED));
        cache.fillIndex(user, cache.listStamp(user), List.of());

        cache.changed(user, chat, 2, json("v2"), entry(chat, 2, 2000));
        assertThat(cache.fillChat(user, chat, 2, json("v2"))).isFalse();
        assertThat(cache.chat(user, chat)).isEmpty();
        assertThat(cache.page(user, null, 10)).hasValueSatisfying(page -> assertThat(page).isEmpty());
    }

    @Test
    void anInvalidationLeavesNewerStateAlone() {
        ChatId chat = newChatId();
        cache.changed(user, chat, 5, json("v5"), entry(chat, 5, 5000));
        cache.invalidate(user, Map.of(chat, 4L));
        assertCached(chat, "v5");
    }

    // ---- versions of messages (regenerate, edit and resend, switching between them)

    @Test
    void switchingBackToAnEarlierVersionIsANewerStateEvenWithTheSameBody() {
        ChatId chat = newChatId();
        cache.changed(user, chat, 5, json("path A"), entry(chat, 5, 5000));
        byte[] readOnPathB = json("path B");
        cache.changed(user, chat, 6, readOnPathB, entry(chat, 6, 6000));
        cache.changed(user, chat, 7, json("path A"), entry(chat, 7, 6000));
        assertThat(cache.fillChat(user, chat, 6, readOnPathB)).as("a fill read before the switch back").isFalse();
        cache.changed(user, chat, 6, readOnPathB, entry(chat, 6, 6000));
        assertCached(chat, "path A");
    }

    @Test
    void aVersionSwitchReplacesTheListEntryInPlaceThoughItsPlaceDoesNotMove() {
        ChatId chat = newChatId();
        ChatId other = newChatId();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(chat, 4, 4000), entry(other, 1, 1000)));
        HistoryCache.IndexEntry shorter = new HistoryCache.IndexEntry(entry(chat, 5, 4000).member(), 5,
                "{\"messageCount\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        cache.changed(user, chat, 5, json("two messages"), shorter);
        List<HistoryCache.IndexEntry> page = cache.page(user, null, 10).orElseThrow();
        assertThat(page).extracting(HistoryCache.IndexEntry::chat).containsExactly(chat, other);
        assertThat(page.getFirst().json()).isEqualTo(shorter.json());
        assertCached(chat, "two messages");
    }

    @Test
    void anOlderListEntryCannotUndoAVersionSwitchAtTheSamePlace() {
        ChatId chat = newChatId();
        cache.fillIndex(user, cache.listStamp(user), List.of(entry(chat, 4, 4000)));
        cache.changed(user, chat, 6, json("switched"), entry(chat, 6, 4000));
        cache.changed(user, chat, 5, json("regenerated"), entry(chat, 5, 4000));
        assertThat(cache.page(user, null, 10).orElseThrow().getFirst().json()).isEqualTo(entry(chat, 6, 4000).json());
        assertCached(chat, "switched");
    }

    static ChatId newChatId() {
        return new ChatId(Ids.newUuid7());
    }

    static byte[] json(String marker) {
        return ("{\"marker\":\"" + marker + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    void assertCached(ChatId chat, String marker) {
        assertThat(cache.chat(user, chat)).hasValueSatisfying(body -> assertThat(body).isEqualTo(json(marker)));
    }

    static HistoryCache.IndexEntry entry(ChatId chat, long version, long updatedMillis) {
        ListCursor position = new ListCursor(Instant.ofEpochMilli(1_700_000_000_000L + updatedMillis), chat.value());
        return new HistoryCache.IndexEntry(position.member(), version,
                ("{\"id\":\"" + chat + "\",\"v\":" + version + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

}
