package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.RedisMonitor;
import dev.docent.support.TestServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Read-through, write-then-cache and the list index, through the HTTP API against real
 * Redis.
 */
@DocentTest
class CachedReadsTest {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aMissIsServedFromTheDatabaseAndFillsTheCache() {
        Api api = new Api(port).newUser();
        String chatId = api.newChat("How do I read a file?");
        String userId = api.get("/api/v1/me").json().get("id").asString();
        redis.delete(redis.keys("docent:{u:" + userId + "}*"));

        Api.Response miss = api.get("/api/v1/chats/" + chatId);
        Api.Response hit = api.get("/api/v1/chats/" + chatId);
        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertThat(hit.header("X-Cache")).isEqualTo("HIT");
        assertThat(hit.body()).isEqualTo(miss.body());

        Api.Response listMiss = api.get("/api/v1/chats");
        Api.Response listHit = api.get("/api/v1/chats");
        assertThat(listMiss.header("X-Cache")).isEqualTo("MISS");
        assertThat(listHit.header("X-Cache")).isEqualTo("HIT");
        assertThat(listHit.body()).isEqualTo(listMiss.body());
    }

    @Test
    void aLoginWarmsTheListAndRecentChatsInTheBackground() throws InterruptedException {
        Api api = new Api(port).newUser();
        String userId = api.get("/api/v1/me").json().get("id").asString();
        String username = api.get("/api/v1/me").json().get("username").asString();
        String chatId = api.newChat("warm me");
        redis.delete(redis.keys("docent:{u:" + userId + "}*"));

        Api.Response login = new Api(port).post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}");
        assertThat(login.status()).isEqualTo(200);
        for (int i = 0; i < 50 && !Boolean.TRUE.equals(redis.hasKey("docent:{u:" + userId + "}:chat:" + chatId)); i++) {
            Thread.sleep(100);
        }
        Api fresh = api.as(login.json().get("accessToken").asString());
        assertThat(fresh.get("/api/v1/chats").header("X-Cache")).isEqualTo("HIT");
        assertThat(fresh.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");
    }

    @Test
    void writesAreVisibleAtOnceAndDeletesLeaveNothingBehind() {
        Api api = new Api(port).newUser();
        String chatId = api.newChat("first question");
        api.get("/api/v1/chats/" + chatId);
        api.get("/api/v1/chats");

        api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"second question\"}");
        JsonNode chat = api.get("/api/v1/chats/" + chatId).json();
        assertThat(chat.get("messages")).hasSize(4);
        assertThat(api.get("/api/v1/chats").json().get("items").get(0).get("messageCount").asInt()).isEqualTo(4);

        api.patch("/api/v1/chats/" + chatId, "{\"title\":\"Renamed\"}");
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("title").asString()).isEqualTo("Renamed");
        assertThat(api.get("/api/v1/chats").json().get("items").get(0).get("title").asString()).isEqualTo("Renamed");

        assertThat(api.delete("/api/v1/chats/" + chatId).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(404);
        Api.Response list = api.get("/api/v1/chats");
        assertThat(list.header("X-Cache")).isEqualTo("HIT");
        assertThat(list.json().get("items")).isEmpty();
    }

    /**
     * A write whose commit fails must leave the cache as it was: the cache is updated
     * after the commit.
     */
    @Test
    void aWriteThatFailsToCommitLeavesTheCacheUntouched() {
        Api api = new Api(port).newUser();
        String chatId = api.newChat("before");
        Api.Response before = api.get("/api/v1/chats/" + chatId);
        assertThat(before.header("X-Cache")).isEqualTo("HIT");
        jdbc.sql("""
                create or replace function refuse_at_commit() returns trigger language plpgsql as $$
                begin
                  if new.content = 'refused at commit' then raise exception 'refused at commit'; end if;
                  return null;
                end $$""").update();
        jdbc.sql("""
                create constraint trigger refuse_at_commit after insert on messages
                deferrable initially deferred for each row execute function refuse_at_commit()""").update();
        try {
            Api.Response failed = api.post("/api/v1/chats/" + chatId + "/messages",
                    "{\"message\":\"refused at commit\"}");
            assertThat(failed.status()).isEqualTo(500);
        }
        finally {
            jdbc.sql("drop trigger refuse_at_commit on messages").update();
        }
        Api.Response after = api.get("/api/v1/chats/" + chatId);
        assertThat(after.header("X-Cache")).isEqualTo("HIT");
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(api.get("/api/v1/chats").json().get("items").get(0).get("messageCount").asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"after\"}").status())
            .as("the lease was released")
            .isEqualTo(200);
    }

    @Test
    void aPageOfTheListCostsOneRoundTripWhateverItsSize() throws Exception {
        Api api = new Api(port).newUser();
        String userId = api.get("/api/v1/me").json().get("id").asString();
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            chats.add(api.newChat("question " + i));
        }
        api.get("/api/v1/chats?limit=5");
        try (RedisMonitor monitor = new RedisMonitor(TestServices.redisUrl())) {
            for (int limit : new int[] { 1, 10, 50, 100 }) {
                monitor.clear();
                Api.Response page = api.get("/api/v1/chats?limit=" + limit);
                assertThat(page.header("X-Cache")).isEqualTo("HIT");
                assertThat(page.json().get("items")).hasSize(Math.min(limit, 60));
                Thread.sleep(100);
                assertThat(monitor.clientCommandsMentioning(userId)).as("Redis commands for a page of " + limit)
                    .hasSize(1);
            }
        }
    }

    @Test
    void aMissAsksRedisOnceThenFillsIt() throws Exception {
        Api api = new Api(port).newUser();
        String userId = api.get("/api/v1/me").json().get("id").asString();
        String chatId = api.newChat("cold");
        redis.delete(redis.keys("docent:{u:" + userId + "}*"));
        try (RedisMonitor monitor = new RedisMonitor(TestServices.redisUrl())) {
            assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("MISS");
            Thread.sleep(100);
            List<String> commands = monitor.clientCommandsMentioning(chatId);
            assertThat(commands).as("one read, one fill").hasSize(2);
            assertThat(commands.get(0)).containsIgnoringCase("\"hmget\"");
            assertThat(commands.get(1)).containsIgnoringCase("eval");
        }
    }

    @Test
    void theListPagesThroughEveryChatExactlyOnceNewestFirst() {
        Api api = new Api(port).newUser();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(0, api.newChat("chat " + i));
        }
        for (boolean warm : new boolean[] { false, true }) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Api.Response page = api.get("/api/v1/chats?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
                page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
                JsonNode next = page.json().get("nextCursor");
                cursor = next == null || next.isNull() ? null : next.asString();
            }
            while (cursor != null);
            assertThat(seen).as(warm ? "from the cache" : "from the database").containsExactlyElementsOf(created);
        }
    }

}
