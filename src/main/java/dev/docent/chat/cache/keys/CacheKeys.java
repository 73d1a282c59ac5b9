package dev.docent.chat.cache.keys;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.util.List;

/**
 * The Redis key layout. Every key of a user carries {@code {u:<id>}} as its hash tag, so
 * all of one user's keys live in one Redis Cluster slot and a script may touch several of
 * them.
 */
public record CacheKeys(String prefix) {

    public static final CacheKeys DEFAULT = new CacheKeys("docent");

    String userTag(UserId user) {
        return prefix + ":{u:" + user + "}";
    }

    public String chat(UserId user, ChatId chat) {
        return userTag(user) + ":chat:" + chat;
    }

    /** Sorted set of the list: position and summary of each chat, plus a sentinel. */
    public String index(UserId user) {
        return userTag(user) + ":idx";
    }

    /**
     * Hash: {@code p:<chat>} → its set member, {@code v:<chat>} → the version of its
     * summary, {@code n} → count.
     */
    public String indexMeta(UserId user) {
        return userTag(user) + ":meta";
    }

    /** Counter bumped by every change to the list; guards fills of the whole index. */
    public String listStamp(UserId user) {
        return userTag(user) + ":lv";
    }

    /**
     * The keys a script that touches one chat and the index needs, in the order the
     * scripts expect.
     */
    public List<String> chatAndIndex(UserId user, ChatId chat) {
        return List.of(chat(user, chat), index(user), indexMeta(user), listStamp(user));
    }

    public List<String> indexKeys(UserId user) {
        return List.of(index(user), indexMeta(user), listStamp(user));
    }
}
