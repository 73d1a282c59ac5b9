package dev.docent.chat.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The history cache inside this process (Caffeine), for the embedded default. Same
 * contract as Redis: versioned entries, tombstones, a complete-or-absent index guarded by
 * the list stamp. Each user's changes are serialised on a lock stripe, which plays the
 * part of Redis' atomic scripts.
 */
class LocalHistoryCache implements HistoryCache {

    record Entry(long version, byte[] json, long checksum, long ttlMillis) {
    }

    /**
     * One user's list: member → chat, chat → summary JSON, chat → summary version
     * (tombstones included).
     */
    static final class Index {

        final TreeMap<String, ChatId> members = new TreeMap<>();

        final Map<ChatId, String> positions = new HashMap<>();

        final Map<ChatId, byte[]> summaries = new HashMap<>();

        final Map<ChatId, Long> versions = new HashMap<>();

        final long ttlMillis;

        Index(long ttlMillis) {
            this.ttlMillis = ttlMillis;
        }

        void put(IndexEntry entry) {
            ChatId chat = entry.chat();
            String old = positions.put(chat, entry.member());
            if (old != null) {
                members.remove(old);
            }
            members.put(entry.member(), chat);
            summaries.put(chat, entry.json());
            versions.put(chat, entry.version());
        }

    }

    private final CacheSettings settings;

    private final Object[] locks = new Object[64];

    private final Cache<String, Entry> chats;

    private final Cache<UserId, Index> indexes;

    private final Cache<UserId, AtomicLong> stamps = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofDays(1))
        .maximumSize(1_000_000)
        .build();

    LocalHistoryCache(CacheSettings settings, long maximumChats) {
        this.settings = settings;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        this.chats = Caffeine.newBuilder()
            .maximumSize(maximumChats)
            .expireAfter(Expiry.<String, Entry>writing((key, entry) -> Duration.ofMillis(entry.ttlMillis())))
            .build();
        this.indexes = Caffeine.newBuilder()
            .maximumSize(Math.max(1, maximumChats / 10))
            .expireAfter(Expiry.<UserId, Index>writing((key, index) -> Duration.ofMillis(index.ttlMillis)))
            .build();
    }

    @Override
    public Optional<byte[]> chat(UserId user, ChatId chat) {
        Entry entry = chats.getIfPresent(key(user, chat));
        if (entry == null || entry.json() == null) {
            return Optional.empty();
        }
        if (!EntryChecksum.matches(entry.json(), entry.checksum())) {
            chats.invalidate(key(user, chat));
            return Optional.empty();
        }
        return Optional.of(entry.json());
    }

    @Override
    public boolean fillChat(UserId user, ChatId chat, long version, byte[] json) {
        synchronized (lock(user)) {
            Entry current = chats.getIfPresent(key(user, chat));
            if (current != null
                    && (current.version() > version || current.version() == version && current.json() != null)) {
                return false;
            }
            chats.put(key(user, chat), entry(version, json));
            return true;
        }
    }

    @Override
    public void changed(UserId user, ChatId chat, long version, byte[] json, IndexEntry entry) {
        synchronized (lock(user)) {
            bumpStamp(user);
            Entry current = chats.getIfPresent(key(user, chat));
            if (current != null && current.version() == DELETED) {
                return;
            }
            if (current == null || current.version() < version
                    || current.version() == version && current.json() == null) {
                chats.put(key(user, chat), entry(version, json));
            }
            Index index = indexes.getIfPresent(user);
            if (index != null && index.versions.getOrDefault(chat, -1L) < version) {
                index.put(entry);
                indexes.put(user, index);
            }
        }
    }

    @Override
    public void deleted(UserId user, ChatId chat) {
        synchronized (lock(user)) {
            bumpStamp(user);
            chats.put(key(user, chat), new Entry(DELETED, null, 0, settings.ttlMillisWithJitter()));
            Index index = indexes.getIfPresent(user);
            if (index != null) {
                String member = index.positions.remove(chat);
                if (member != null) {
                    index.members.remove(member);
                }
                index.summaries.remove(chat);
                index.versions.put(chat, DELETED);
            }
        }
    }

    @Override
    public long listStamp(UserId user) {
        AtomicLong stamp = stamps.getIfPresent(user);
        return stamp == null ? 0 : stamp.get();
    }

    @Override
    public Optional<List<IndexEntry>> page(UserId user, ListCursor after, int limit) {
        synchronized (lock(user)) {
            Index index = indexes.getIfPresent(user);
            if (index == null || index.members.size() != index.summaries.size()) {
                return Optional.empty();
            }
            var newestFirst = after == null ? index.members.descendingMap()
                    : index.members.headMap(after.member(), false).descendingMap();
            List<IndexEntry> page = new ArrayList<>(Math.min(limit, newestFirst.size()));
            for (var item : newestFirst.entrySet()) {
                if (page.size() == limit) {
                    break;
                }
                byte[] json = index.summaries.get(item.getValue());
                if (json == null) {
                    return Optional.empty();
                }
                page.add(new IndexEntry(item.getKey(), 0, json));
            }
            return Optional.of(page);
        }
    }

    @Override
    public boolean fillIndex(UserId user, long stamp, List<IndexEntry> entries) {
        synchronized (lock(user)) {
            if (listStamp(user) != stamp) {
                return false;
            }
            Index index = new Index(settings.ttlMillisWithJitter());
            entries.forEach(index::put);
            indexes.put(user, index);
            return true;
        }
    }

    @Override
    public void invalidate(UserId user, Map<ChatId, Long> floors) {
        synchronized (lock(user)) {
            bumpStamp(user);
            indexes.invalidate(user);
            floors.forEach((chat, floor) -> {
                Entry current = chats.getIfPresent(key(user, chat));
                if (current == null || current.version() < floor) {
                    chats.put(key(user, chat), new Entry(floor, null, 0, settings.ttlMillisWithJitter()));
                }
            });
        }
    }

    /**
     * For the contract test: the index object of a user, to damage it the way a partial
     * eviction would.
     */
    Index indexOf(UserId user) {
        return indexes.getIfPresent(user);
    }

    /**
     * For the contract test: replaces an entry's body with bytes that do not match its
     * checksum.
     */
    void damage(UserId user, ChatId chat) {
        Entry entry = chats.getIfPresent(key(user, chat));
        byte[] damaged = entry.json().clone();
        damaged[damaged.length / 2] ^= 0x20;
        chats.put(key(user, chat), new Entry(entry.version(), damaged, entry.checksum(), entry.ttlMillis()));
    }

    /**
     * For the contract test: the entry as if it had been written long ago, {@code millis}
     * from expiring.
     */
    void age(UserId user, ChatId chat, long millis) {
        Entry entry = chats.getIfPresent(key(user, chat));
        chats.put(key(user, chat), new Entry(entry.version(), entry.json(), entry.checksum(), millis));
    }

    private Entry entry(long version, byte[] json) {
        return new Entry(version, json, EntryChecksum.of(json), settings.ttlMillisWithJitter());
    }

    /** For the contract test: how long a chat entry has left to live. */
    long remainingMillis(UserId user, ChatId chat) {
        return chats.policy()
            .expireVariably()
            .orElseThrow()
            .getExpiresAfter(key(user, chat), java.util.concurrent.TimeUnit.MILLISECONDS)
            .orElse(-1L);
    }

    private void bumpStamp(UserId user) {
        stamps.get(user, u -> new AtomicLong()).incrementAndGet();
    }

    private Object lock(UserId user) {
        return locks[Math.floorMod(user.hashCode(), locks.length)];
    }

    private static String key(UserId user, ChatId chat) {
        return user + ":" + chat;
    }

}
