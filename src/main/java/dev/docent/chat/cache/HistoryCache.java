package dev.docent.chat.cache;

import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history cache port. Entries carry the chat's version, so a fill from an older read
 * can never replace newer state, and a delete leaves a tombstone that no fill can
 * overwrite. The per-user index is complete or absent: a page is served only when every
 * listed chat's summary is present.
 */
public interface HistoryCache {

    /** A tombstone version: greater than any real one. */
    long DELETED = 9_007_199_254_740_991L;

    /**
     * The chat's cached JSON, or empty on a miss (absent, fenced, deleted, or
     * unreadable).
     */
    Optional<byte[]> chat(UserId user, ChatId chat);

    /**
     * Fill after a miss; ignored (false) when the cache already holds this or a newer
     * version.
     */
    boolean fillChat(UserId user, ChatId chat, long version, byte[] json);

    /**
     * After a committed change: the new state of the chat and its list entry, in one
     * step.
     */
    void changed(UserId user, ChatId chat, long version, byte[] json, IndexEntry entry);

    /** After a committed delete. */
    void deleted(UserId user, ChatId chat);

    /**
     * The user's list stamp: read it before loading the list from the database, pass it
     * to {@link #fillIndex}.
     */
    long listStamp(UserId user);

    /**
     * A page of the list after {@code after} (null: from the top), or empty when the
     * index is absent or partial.
     */
    Optional<List<IndexEntry>> page(UserId user, ListCursor after, int limit);

    /**
     * Installs the complete index, unless the list changed since {@code stamp} was read.
     */
    boolean fillIndex(UserId user, long stamp, List<IndexEntry> entries);

    /**
     * Replays invalidations that could not be applied when they happened: drops the
     * user's index and lowers each chat to a floor, its current version in the database
     * ({@link #DELETED} for a deleted chat) without a body. A floor is a miss, and no
     * write or fill that carries an older version, however late it lands, gets past it.
     */
    void invalidate(UserId user, Map<ChatId, Long> floors);

    /**
     * A chat's place in the list ({@link ListCursor#member()}) and its summary JSON, at a
     * version.
     */
    record IndexEntry(String member, long version, byte[] json) {

        ChatId chat() {
            return new ChatId(ListCursor.fromMember(member).chatId());
        }
    }

}
