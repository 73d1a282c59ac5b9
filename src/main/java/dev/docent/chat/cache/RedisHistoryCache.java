package dev.docent.chat.cache;

import dev.docent.chat.cache.keys.CacheKeys;
import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The history cache in Redis. Every operation is one round trip: one command, one
 * pipeline, or one Lua script (which also makes each change atomic).
 *
 * <ul>
 * <li>A chat is a hash {@code {s: schema, v: version, c: checksum, b: JSON}}; bodies
 * travel as bytes.</li>
 * <li>The list is a sorted set whose members are
 * {@code <updatedMillis>:<chatId>\t<summary JSON>}, all at score 0 so that lexical order
 * is list order, plus a sentinel {@code "0"}; a page is one native
 * {@code ZRANGE … BYLEX REV}. A meta hash holds each chat's current member
 * ({@code p:<id>}) and the version of its summary ({@code v:<id>}, tombstones included),
 * which the write scripts need; a write that finds only one of the two keys (one was
 * evicted) drops the index rather than patch it.</li>
 * </ul>
 */
class RedisHistoryCache implements HistoryCache {

    /**
     * 2: messages carry their feedback. An entry written by an instance of schema 1 lacks
     * it, so during a rolling upgrade it is a miss rather than a stale answer.
     */
    static final String SCHEMA = "2";
    static final String SENTINEL = "0";

    /** Length of {@link ListCursor#member()}: fixed-width millis, a colon, a UUID. */
    private static final int POSITION_LENGTH = 50;

    private static final byte[] FIELD_SCHEMA = utf8("s");

    private static final byte[] FIELD_CHECKSUM = utf8("c");

    private static final byte[] FIELD_BODY = utf8("b");

    /**
     * Script arguments are strings, except chat bodies, which go as the bytes they are.
     */
    private static final RedisSerializer<Object> ARGS = new RedisSerializer<>() {
        @Override
        public byte[] serialize(Object value) {
            return value instanceof byte[] bytes ? bytes : utf8(String.valueOf(value));
        }

        @Override
        public Object deserialize(byte[] bytes) {
            throw new UnsupportedOperationException("arguments are only written");
        }
    };

    private static final RedisSerializer<Long> LONG = new GenericToStringSerializer<>(Long.class);

    /** KEYS: chat. ARGV: version, json, ttl, schema, checksum. */
    private static final RedisScript<Long> FILL_CHAT = RedisScript.of("""
            local cur = redis.call('HGET', KEYS[1], 'v')
            if cur then
              cur = tonumber(cur)
              local v = tonumber(ARGV[1])
              if cur > v or (cur == v and redis.call('HEXISTS', KEYS[1], 'b') == 1) then return 0 end
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 's', ARGV[4], 'v', ARGV[1], 'c', ARGV[5], 'b', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """, Long.class);

    /**
     * KEYS: chat, index, meta, stamp. ARGV: version, json, ttl, chat id, index member,
     * schema, tombstone, checksum. The entry and the list item are each replaced only by
     * a newer version; a deleted chat stays deleted; an index missing one of its two keys
     * is dropped.
     */
    private static final RedisScript<Long> CHANGED = RedisScript.of("""
            local v = tonumber(ARGV[1])
            redis.call('INCR', KEYS[4])
            redis.call('PEXPIRE', KEYS[4], 86400000)
            local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '-1')
            if cur == tonumber(ARGV[7]) then return 0 end
            if cur < v or (cur == v and redis.call('HEXISTS', KEYS[1], 'b') == 0) then
              redis.call('DEL', KEYS[1])
              redis.call('HSET', KEYS[1], 's', ARGV[6], 'v', ARGV[1], 'c', ARGV[8], 'b', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            local present = redis.call('EXISTS', KEYS[2], KEYS[3])
            if present == 1 then redis.call('DEL', KEYS[2], KEYS[3]) end
            if present ~= 2 then return 1 end
            local id = ARGV[4]
            if tonumber(redis.call('HGET', KEYS[3], 'v:' .. id) or '-1') >= v then return 1 end
            local old = redis.call('HGET', KEYS[3], 'p:' .. id)
            if old then redis.call('ZREM', KEYS[2], old) end
            redis.call('ZADD', KEYS[2], 0, ARGV[5])
            redis.call('HSET', KEYS[3], 'p:' .. id, ARGV[5], 'v:' .. id, ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[3], ARGV[3])
            return 1
            """, Long.class);

    /** KEYS: chat, index, meta, stamp. ARGV: chat id, ttl, tombstone version, schema. */
    private static final RedisScript<Long> DELETED_SCRIPT = RedisScript.of("""
            redis.call('INCR', KEYS[4])
            redis.call('PEXPIRE', KEYS[4], 86400000)
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 's', ARGV[4], 'v', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            if redis.call('EXISTS', KEYS[2], KEYS[3]) == 2 then
              local id = ARGV[1]
              local old = redis.call('HGET', KEYS[3], 'p:' .. id)
              if old then
                redis.call('ZREM', KEYS[2], old)
                redis.call('HDEL', KEYS[3], 'p:' .. id)
              end
              redis.call('HSET', KEYS[3], 'v:' .. id, ARGV[3])
            else
              redis.call('DEL', KEYS[2], KEYS[3])
            end
            return 1
            """, Long.class);

    /**
     * KEYS: index, meta, stamp. ARGV: stamp, ttl, then (id, member, version) per chat.
     */
    private static final RedisScript<Long> FILL_INDEX = RedisScript.of("""
            if (redis.call('GET', KEYS[3]) or '0') ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1], KEYS[2])
            redis.call('ZADD', KEYS[1], 0, '0')
            redis.call('HSET', KEYS[2], 'filled', '1')
            for i = 3, #ARGV, 3 do
              redis.call('ZADD', KEYS[1], 0, ARGV[i + 1])
              redis.call('HSET', KEYS[2], 'p:' .. ARGV[i], ARGV[i + 1], 'v:' .. ARGV[i], ARGV[i + 2])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1
            """, Long.class);

    /**
     * KEYS: index, meta, stamp, then chat keys. ARGV: ttl, schema, then each chat's floor
     * version. A chat that holds less than its floor becomes a bodiless entry at the
     * floor; one at or above it is current already.
     */
    private static final RedisScript<Long> INVALIDATE = RedisScript.of("""
            redis.call('INCR', KEYS[3])
            redis.call('PEXPIRE', KEYS[3], 86400000)
            redis.call('DEL', KEYS[1], KEYS[2])
            for i = 4, #KEYS do
              local floor = tonumber(ARGV[i - 1])
              if tonumber(redis.call('HGET', KEYS[i], 'v') or '-1') < floor then
                redis.call('DEL', KEYS[i])
                redis.call('HSET', KEYS[i], 's', ARGV[2], 'v', ARGV[i - 1])
                redis.call('PEXPIRE', KEYS[i], ARGV[1])
              end
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    private final CacheKeys keys;

    private final CacheSettings settings;

    RedisHistoryCache(StringRedisTemplate redis, CacheKeys keys, CacheSettings settings) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public Optional<byte[]> chat(UserId user, ChatId chat) {
        byte[] key = utf8(keys.chat(user, chat));
        List<byte[]> fields = redis.execute((RedisCallback<List<byte[]>>) connection -> connection.hashCommands()
            .hMGet(key, FIELD_SCHEMA, FIELD_CHECKSUM, FIELD_BODY));
        byte[] body = fields == null ? null : fields.get(2);
        if (body == null) {
            return Optional.empty();
        }
        if (!readable(fields.get(0), fields.get(1), body)) {
            redis.execute((RedisCallback<Long>) connection -> connection.keyCommands().del(key));
            return Optional.empty();
        }
        return Optional.of(body);
    }

    @Override
    public boolean fillChat(UserId user, ChatId chat, long version, byte[] json) {
        return redis.execute(FILL_CHAT, ARGS, LONG, List.of(keys.chat(user, chat)), Long.toString(version), json, ttl(),
                SCHEMA, Long.toString(EntryChecksum.of(json))) == 1L;
    }

    @Override
    public void changed(UserId user, ChatId chat, long version, byte[] json, IndexEntry entry) {
        redis.execute(CHANGED, ARGS, LONG, keys.chatAndIndex(user, chat), Long.toString(version), json, ttl(),
                chat.toString(), stored(entry), SCHEMA, Long.toString(DELETED), Long.toString(EntryChecksum.of(json)));
    }

    @Override
    public void deleted(UserId user, ChatId chat) {
        redis.execute(DELETED_SCRIPT, keys.chatAndIndex(user, chat), chat.toString(), ttl(), Long.toString(DELETED),
                SCHEMA);
    }

    @Override
    public long listStamp(UserId user) {
        String stamp = redis.opsForValue().get(keys.listStamp(user));
        return stamp == null ? 0 : Long.parseLong(stamp);
    }

    /**
     * One command. The set is a single key, changed only by atomic scripts, so it is
     * complete whenever it exists; it exists exactly when its sentinel does, which every
     * range reaching the end includes.
     */
    @Override
    public Optional<List<IndexEntry>> page(UserId user, ListCursor after, int limit) {
        byte[] index = utf8(keys.index(user));
        Range<byte[]> range = after == null ? Range.unbounded()
                : Range.leftUnbounded(Range.Bound.exclusive(utf8(after.member())));
        List<byte[]> members = redis.execute((RedisCallback<List<byte[]>>) connection -> List
            .copyOf(connection.zSetCommands().zRevRangeByLex(index, range, Limit.limit().count(limit + 1))));
        return members == null || members.isEmpty() ? Optional.empty() : Optional.of(entries(members, limit));
    }

    @Override
    public boolean fillIndex(UserId user, long stamp, List<IndexEntry> entries) {
        List<Object> args = new ArrayList<>(2 + entries.size() * 3);
        args.add(Long.toString(stamp));
        args.add(ttl());
        for (IndexEntry entry : entries) {
            args.add(entry.chat().toString());
            args.add(stored(entry));
            args.add(Long.toString(entry.version()));
        }
        return redis.execute(FILL_INDEX, ARGS, LONG, keys.indexKeys(user), args.toArray()) == 1L;
    }

    @Override
    public void invalidate(UserId user, Map<ChatId, Long> floors) {
        List<String> all = new ArrayList<>(keys.indexKeys(user));
        List<Object> args = new ArrayList<>(List.of(ttl(), SCHEMA));
        floors.forEach((chat, floor) -> {
            all.add(keys.chat(user, chat));
            args.add(Long.toString(floor));
        });
        redis.execute(INVALIDATE, ARGS, LONG, all, args.toArray());
    }

    /**
     * The entries of a range, without the sentinel; one more than asked for is the
     * sentinel or the next page.
     */
    private static List<IndexEntry> entries(List<byte[]> members, int limit) {
        List<IndexEntry> entries = new ArrayList<>(limit);
        for (byte[] item : members) {
            if (item.length == 1 || entries.size() == limit) {
                break;
            }
            entries.add(new IndexEntry(new String(item, 0, POSITION_LENGTH, StandardCharsets.US_ASCII), 0,
                    Arrays.copyOfRange(item, POSITION_LENGTH + 1, item.length)));
        }
        return entries;
    }

    /** The set member of a list entry: its position, a tab, then its summary. */
    private static byte[] stored(IndexEntry entry) {
        byte[] stored = Arrays.copyOf(utf8(entry.member()), POSITION_LENGTH + 1 + entry.json().length);
        stored[POSITION_LENGTH] = '\t';
        System.arraycopy(entry.json(), 0, stored, POSITION_LENGTH + 1, entry.json().length);
        return stored;
    }

    private static boolean readable(byte[] schema, byte[] checksum, byte[] body) {
        if (schema == null || checksum == null || !SCHEMA.equals(new String(schema, StandardCharsets.UTF_8))) {
            return false;
        }
        try {
            return EntryChecksum.matches(body, Long.parseLong(new String(checksum, StandardCharsets.US_ASCII)));
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String ttl() {
        return Long.toString(settings.ttlMillisWithJitter());
    }

}
