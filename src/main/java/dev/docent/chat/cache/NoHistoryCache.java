package dev.docent.chat.cache;

import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cache turned off ({@code docent.cache.enabled=false}): every read goes to the
 * database.
 */
class NoHistoryCache implements HistoryCache {

    @Override
    public Optional<byte[]> chat(UserId user, ChatId chat) {
        return Optional.empty();
    }

    @Override
    public boolean fillChat(UserId user, ChatId chat, long version, byte[] json) {
        return false;
    }

    @Override
    public void changed(UserId user, ChatId chat, long version, byte[] json, IndexEntry entry) {
        // nothing cached, nothing to update
    }

    @Override
    public void deleted(UserId user, ChatId chat) {
        // nothing cached, nothing to remove
    }

    @Override
    public long listStamp(UserId user) {
        return -1;
    }

    @Override
    public Optional<List<IndexEntry>> page(UserId user, ListCursor after, int limit) {
        return Optional.empty();
    }

    @Override
    public boolean fillIndex(UserId user, long stamp, List<IndexEntry> entries) {
        return false;
    }

    @Override
    public void invalidate(UserId user, Map<ChatId, Long> floors) {
        // nothing cached
    }

}
