package dev.docent.chat;

import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The history cache in Redis. Every operation is one round trip: a single command or one Lua script,
 * which also makes each change atomic. Entries are hashes {@code {s: schema, v: version, c: checksum,
 * b: JSON}}; bodies travel as bytes, from Redis straight to the response.
 */
class RedisHistoryCache implements HistoryCache {

    static final String SCHEMA = "1";

    private static final byte[] FIELD_SCHEMA = utf8("s");
    private static final byte[] FIELD_CHECKSUM = utf8("c");
    private static final byte[] FIELD_BODY = utf8("b");

    /** Script arguments are strings, except chat bodies, which go as the bytes they are. */
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
     * KEYS: chat, index, summaries, meta, stamp. ARGV: version, json, ttl, chat id, member, summary, schema,
     * tombstone, checksum. The entry and the list item are each replaced only by a newer version; a deleted chat stays deleted.
     */
    private static final RedisScript<Long> CHANGED = RedisScript.of("""
            local v = tonumber(ARGV[1])
            redis.call('INCR', KEYS[5])
            redis.call('PEXPIRE', KEYS[5], 86400000)
            local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '-1')
            if cur == tonumber(ARGV[8]) then return 0 end
            if cur < v then
              redis.call('DEL', KEYS[1])
              redis.call('HSET', KEYS[1], 's', ARGV[7], 'v', ARGV[1], 'c', ARGV[9], 'b', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            if redis.call('EXISTS', KEYS[2]) == 0 then return 1 end
            local id = ARGV[4]
            if tonumber(redis.call('HGET', KEYS[4], 'v:' .. id) or '-1') >= v then return 1 end
            local old = redis.call('HGET', KEYS[4], 'p:' .. id)
            if old then redis.call('ZREM', KEYS[2], old) end
            redis.call('ZADD', KEYS[2], 0, ARGV[5])
            redis.call('HSET', KEYS[3], id, ARGV[6])
            redis.call('HSET', KEYS[4], 'p:' .. id, ARGV[5], 'v:' .. id, ARGV[1])
            for i = 2, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
            return 1
            """, Long.class);

    /** KEYS: chat, index, summaries, meta, stamp. ARGV: chat id, ttl, tombstone version, schema. */
    private static final RedisScript<Long> DELETED_SCRIPT = RedisScript.of("""
            redis.call('INCR', KEYS[5])
            redis.call('PEXPIRE', KEYS[5], 86400000)
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 's', ARGV[4], 'v', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            if redis.call('EXISTS', KEYS[2]) == 1 then
              local id = ARGV[1]
              local old = redis.call('HGET', KEYS[4], 'p:' .. id)
              if old then redis.call('ZREM', KEYS[2], old) end
              redis.call('HDEL', KEYS[3], id)
              redis.call('HDEL', KEYS[4], 'p:' .. id)
              redis.call('HSET', KEYS[4], 'v:' .. id, ARGV[3])
            end
            return 1
            """, Long.class);

    /**
     * KEYS: index, summaries. ARGV: upper bound ('+' or '(member'), limit. Replies {'1', member, summary, …},
     * or {'0'} when the index is absent or partial.
     */
    private static final RedisScript<List> PAGE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {'0'} end
            if redis.call('ZCARD', KEYS[1]) - 1 ~= redis.call('HLEN', KEYS[2]) then return {'0'} end
            local members = redis.call('ZRANGE', KEYS[1], ARGV[1], '-', 'BYLEX', 'REV', 'LIMIT', 0, tonumber(ARGV[2]))
            local out = {'1'}
            for _, m in ipairs(members) do
              if m == '0' then break end
              local s = redis.call('HGET', KEYS[2], string.sub(m, 15))
              if not s then return {'0'} end
              out[#out + 1] = m
              out[#out + 1] = s
            end
            return out
            """, List.class);

    /** KEYS: index, summaries, meta, stamp. ARGV: stamp, ttl, then (id, member, version, json) per chat. */
    private static final RedisScript<Long> FILL_INDEX = RedisScript.of("""
            if (redis.call('GET', KEYS[4]) or '0') ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
            redis.call('ZADD', KEYS[1], 0, '0')
            for i = 3, #ARGV, 4 do
              local id = ARGV[i]
              redis.call('ZADD', KEYS[1], 0, ARGV[i + 1])
              redis.call('HSET', KEYS[2], id, ARGV[i + 3])
              redis.call('HSET', KEYS[3], 'p:' .. id, ARGV[i + 1], 'v:' .. id, ARGV[i + 2])
            end
            for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
            return 1
            """, Long.class);

    /** KEYS: index, summaries, meta, stamp, then chat keys. */
    private static final RedisScript<Long> INVALIDATE = RedisScript.of("""
            redis.call('INCR', KEYS[4])
            redis.call('PEXPIRE', KEYS[4], 86400000)
            for i = 1, #KEYS do if i ~= 4 then redis.call('DEL', KEYS[i]) end end
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
        List<byte[]> fields = redis.execute((RedisCallback<List<byte[]>>) connection ->
                connection.hashCommands().hMGet(key, FIELD_SCHEMA, FIELD_CHECKSUM, FIELD_BODY));
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
        return redis.execute(FILL_CHAT, ARGS, LONG, List.of(keys.chat(user, chat)), Long.toString(version), json,
                ttl(), SCHEMA, Long.toString(EntryChecksum.of(json))) == 1L;
    }

    @Override
    public void changed(UserId user, ChatId chat, long version, byte[] json, IndexEntry entry) {
        redis.execute(CHANGED, ARGS, LONG, keys.chatAndIndex(user, chat), Long.toString(version), json, ttl(),
                chat.toString(), entry.member(), entry.json(), SCHEMA, Long.toString(DELETED),
                Long.toString(EntryChecksum.of(json)));
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

    @Override
    @SuppressWarnings("unchecked")
    public Optional<List<IndexEntry>> page(UserId user, ListCursor after, int limit) {
        String max = after == null ? "+" : "(" + after.member();
        List<String> flat = redis.execute(PAGE, List.of(keys.index(user), keys.summaries(user)), max,
                Integer.toString(limit));
        if (flat == null || !"1".equals(flat.getFirst())) {
            return Optional.empty();
        }
        List<IndexEntry> entries = new ArrayList<>(flat.size() / 2);
        for (int i = 1; i < flat.size(); i += 2) {
            ListCursor position = ListCursor.fromMember(flat.get(i));
            entries.add(new IndexEntry(new ChatId(position.chatId()), flat.get(i), 0, flat.get(i + 1)));
        }
        return Optional.of(entries);
    }

    @Override
    public boolean fillIndex(UserId user, long stamp, List<IndexEntry> entries) {
        List<String> args = new ArrayList<>(2 + entries.size() * 4);
        args.add(Long.toString(stamp));
        args.add(ttl());
        for (IndexEntry entry : entries) {
            args.add(entry.chat().toString());
            args.add(entry.member());
            args.add(Long.toString(entry.version()));
            args.add(entry.json());
        }
        return redis.execute(FILL_INDEX, keys.indexKeys(user), args.toArray()) == 1L;
    }

    @Override
    public void invalidate(UserId user, List<ChatId> chats) {
        List<String> all = new ArrayList<>(keys.indexKeys(user));
        chats.forEach(chat -> all.add(keys.chat(user, chat)));
        redis.execute(INVALIDATE, all);
    }

    private static boolean readable(byte[] schema, byte[] checksum, byte[] body) {
        if (schema == null || checksum == null || !SCHEMA.equals(new String(schema, StandardCharsets.UTF_8))) {
            return false;
        }
        try {
            return EntryChecksum.matches(body, Long.parseLong(new String(checksum, StandardCharsets.US_ASCII)));
        } catch (NumberFormatException e) {
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
