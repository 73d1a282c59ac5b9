package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.ServicesInitializer;
import dev.docent.support.TestServices;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import redis.embedded.RedisServer;

/**
 * Redis is an accelerator: when it dies or hangs, the database serves and requests stay
 * 2xx; when it comes back, nothing that went stale meanwhile is served. This test owns
 * its Redis, to stop it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "docent.cache.breaker-open=1s", "docent.cache.recovery-interval=200",
                "docent.admin.username=outage-operator", "docent.admin.password=" + RedisOutageTest.OPERATOR_PASSWORD })
@ContextConfiguration(initializers = RedisOutageTest.OwnRedis.class)
class RedisOutageTest {

    static final String OPERATOR_PASSWORD = "watch-the-cache-42";
    static final int REDIS_PORT = TestServices.freePort();
    static final RedisServer redis = TestServices.ownRedis(REDIS_PORT);

    static {
        redis.start();
    }

    static class OwnRedis extends ServicesInitializer {

        @Override
        protected String redisUrl() {
            return "redis://127.0.0.1:" + REDIS_PORT;
        }

    }

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @LocalServerPort
    int port;

    @org.junit.jupiter.api.BeforeEach
    void redisRunning() {
        if (!redis.isActive()) {
            redis.start();
        }
    }

    @Test
    void redisDownServesFromTheDatabaseQuicklyAndComesBackCoherent() throws Exception {
        Api api = new Api(port).newUser();
        Api operator = new Api(port).login("outage-operator", OPERATOR_PASSWORD);
        String chatId = api.newChat("before the outage");
        assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");

        redis.stop();
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(200);
        }
        long took = millis(() -> api.get("/api/v1/chats/" + chatId));
        assertThat(took).as("a request once the breaker is open").isLessThan(200);
        Api.Response written = api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"during the outage\"}");
        assertThat(written.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/chats").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(4);
        Api.Response health = operator.get("/actuator/health");
        assertThat(health.json().get("components").get("cache").get("status").asString()).as(health.body())
            .isEqualTo("DEGRADED");
        assertThat(health.status()).as("serving from the database: a probe must not take the instance out")
            .isEqualTo(200);
        assertThat(new Api(port).get("/actuator/health").json().get("status").asString()).isEqualTo("DEGRADED");

        redis.start();
        awaitHealthy(operator);
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(4);
        assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");
    }

    @Test
    void entriesThatWentStaleWhileRedisHungAreNeverServed() throws Exception {
        Api api = new Api(port).newUser();
        Api operator = new Api(port).login("outage-operator", OPERATOR_PASSWORD);
        String chatId = api.newChat("before the hang");
        api.get("/api/v1/chats");
        assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");

        pauseRedis(Duration.ofSeconds(4));
        long took = millis(() -> {
            Api.Response written = api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"while hung\"}");
            assertThat(written.status()).isEqualTo(200);
            return written;
        });
        assertThat(took).as("a write while Redis hangs waits at most a short timeout").isLessThan(2_000);
        Thread.sleep(4_500);

        // Redis is back and still holds the two-message version of the chat; it must
        // never be served.
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(4);
            assertThat(api.get("/api/v1/chats").json().get("items").get(0).get("messageCount").asInt()).isEqualTo(4);
            Thread.sleep(50);
        }
        awaitHealthy(operator);
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(4);
    }

    /**
     * Reading a chat while Redis hangs costs a read and a fill that time out; the breaker
     * opens after them, so only the first request pays (the outside test measured about 1
     * s for each of the first four).
     */
    @Test
    void readsWhileRedisHangsPayTheTimeoutOnceNotOnEveryRequest() throws Exception {
        Api api = new Api(port).newUser();
        Api operator = new Api(port).login("outage-operator", OPERATOR_PASSWORD);
        String chatId = api.newChat("before the hang");
        assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");

        pauseRedis(Duration.ofSeconds(6));
        long took = millis(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(200);
            }
            return null;
        });

        assertThat(took).as("five reads while Redis hangs, the 500 ms timeout paid by the first").isLessThan(2_500);
        Thread.sleep(6_500);
        awaitHealthy(operator);
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(2);
    }

    private void awaitHealthy(Api operator) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if ("UP".equals(
                    operator.get("/actuator/health").json().get("components").get("cache").get("status").asString())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("cache did not come back");
    }

    private static void pauseRedis(Duration duration) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", REDIS_PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("CLIENT PAUSE " + duration.toMillis() + " ALL\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read();
        }
    }

    private static long millis(Callable<?> call) throws Exception {
        long start = System.nanoTime();
        call.call();
        return (System.nanoTime() - start) / 1_000_000;
    }

}
