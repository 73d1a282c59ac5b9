package dev.docent.chat;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

class LocalHistoryCacheTest extends HistoryCacheContract {

    private LocalHistoryCache local;

    @Override
    HistoryCache newCache() {
        local = new LocalHistoryCache(SETTINGS, new JsonCheck(JsonMapper.builder().build()), 10_000);
        return local;
    }

    @Override
    void evictOneSummary(UserId user, ChatId chat) {
        local.indexOf(user).summaries.remove(chat);
    }

    @Override
    void corrupt(UserId user, ChatId chat) {
        local.putRaw(user, chat, 1, "{\"marker\": tru");
    }

    @Override
    long ttlMillis(UserId user, ChatId chat) {
        return local.remainingMillis(user, chat);
    }
}
