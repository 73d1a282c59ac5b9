package dev.docent.chat.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.chat.cache.keys.CacheKeys;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import dev.docent.support.TestServices;
import io.lettuce.core.RedisURI;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisHistoryCacheTest extends HistoryCacheContract {

    static LettuceConnectionFactory factory;
    static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        RedisURI uri = RedisURI.create(TestServices.redisUrl());
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    @AfterAll
    static void disconnect() {
        factory.destroy();
    }

    @Override
    HistoryCache newCache() {
        return new RedisHistoryCache(redis, CacheKeys.DEFAULT, SETTINGS);
    }

    @Override
    void evictPartOfIndex(UserId user, ChatId chat) {
        redis.delete(CacheKeys.DEFAULT.indexMeta(user));
    }

    @Test
    void anIndexWhoseSetWasEvictedIsAbsent() {
        cache.fillIndex(user, cache.listStamp(user), java.util.List.of(entry(newChatId(), 1, 1000)));
        redis.delete(CacheKeys.DEFAULT.index(user));
        assertThat(cache.page(user, null, 10)).isEmpty();
    }

    @Override
    void corrupt(UserId user, ChatId chat) {
        redis.opsForHash().put(CacheKeys.DEFAULT.chat(user, chat), "b", "{\"marker\":\"v2\"}");
    }

    @Override
    long ttlMillis(UserId user, ChatId chat) {
        return redis.getExpire(CacheKeys.DEFAULT.chat(user, chat), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    void ageEntry(UserId user, ChatId chat) {
        redis.expire(CacheKeys.DEFAULT.chat(user, chat), java.time.Duration.ofSeconds(1));
    }

    @Test
    void everyKeyOfAUserCarriesTheUserHashTag() {
        ChatId chat = newChatId();
        cache.fillIndex(user, cache.listStamp(user), java.util.List.of(entry(chat, 1, 1000)));
        cache.changed(user, chat, 2, json("v2"), entry(chat, 2, 2000));
        Set<String> keys = redis.keys("docent:*" + user + "*");
        assertThat(keys).hasSize(4).allSatisfy(key -> assertThat(key).startsWith("docent:{u:" + user + "}:"));
    }

    @Test
    void anEntryOfAnotherSchemaIsAMiss() {
        ChatId chat = newChatId();
        cache.fillChat(user, chat, 1, json("v1"));
        redis.opsForHash().put(CacheKeys.DEFAULT.chat(user, chat), "s", "0");
        assertThat(cache.chat(user, chat)).isEmpty();
        assertThat(redis.hasKey(CacheKeys.DEFAULT.chat(user, chat))).isFalse();
    }

}
