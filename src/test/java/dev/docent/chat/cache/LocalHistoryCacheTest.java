package dev.docent.chat.cache;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;

class LocalHistoryCacheTest extends HistoryCacheContract {

    private LocalHistoryCache local;

    @Override
    HistoryCache newCache() {
        local = new LocalHistoryCache(SETTINGS, 10_000);
        return local;
    }

    @Override
    void evictPartOfIndex(UserId user, ChatId chat) {
        local.indexOf(user).summaries.remove(chat);
    }

    @Override
    void corrupt(UserId user, ChatId chat) {
        local.damage(user, chat);
    }

    @Override
    long ttlMillis(UserId user, ChatId chat) {
        return local.remainingMillis(user, chat);
    }

    @Override
    void ageEntry(UserId user, ChatId chat) {
        local.age(user, chat, 1_000);
    }

}
