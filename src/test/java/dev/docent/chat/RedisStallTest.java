package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Instances;
import dev.docent.support.PausableRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cache contract rules 3 and 7 through a Redis stall: two instances on one database and
 * one Redis, clients writing on one instance and reading back on the other while the
 * Redis process is really paused (SIGSTOP: data kept, connections open) and resumed. Once
 * a write is acknowledged, no read anywhere may show older state, during the pause or
 * after it. The pauses are {@code -Ddocent.test.stall.pauses=1s,8s} by default (e.g.
 * {@code 1s,8s,30s} for a longer run).
 */
class RedisStallTest {

    static final int CLIENTS = 4;
    static final Duration SETTLE_AFTER_RESUME = Duration.ofSeconds(20);
    static final int MAX_MESSAGES = 40;

    static PausableRedis redis;
    static Instances.Two instances;

    @BeforeAll
    static void start() {
        redis = PausableRedis.start(6400, 6409);
        instances = Instances.startTwo(Map.of("docent.redis.url", redis.url()));
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
        redis.close();
    }

    /**
     * What went wrong, when: seconds since the last resume (negative: before or during
     * the pause).
     */
    record Anomaly(String pause, double sinceResume, String what) {
    }

    @Test
    void noInstanceServesOlderStateThanAcknowledgedWhenRedisStallsAndComesBack() throws Exception {
        List<Duration> pauses = Arrays.stream(System.getProperty("docent.test.stall.pauses", "1s,8s").split(","))
            .map(p -> Duration.parse("PT" + p.strip().toUpperCase()))
            .toList();
        Run run = new Run();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            boolean writeOnFirst = i % 2 == 0;
            Api writer = new Api(writeOnFirst ? instances.firstPort() : instances.secondPort()).newUser();
            Api reader = new Api(writeOnFirst ? instances.secondPort() : instances.firstPort()).as(writer.token());
            running.add(clients.submit(() -> new Client(writer, reader, run).loop()));
        }
        Thread.sleep(3_000);
        for (Duration pause : pauses) {
            run.phase = pause.toSeconds() + " s pause";
            run.resumedAt = Long.MAX_VALUE;
            run.pausedAt = System.nanoTime();
            redis.pause();
            Thread.sleep(pause.toMillis());
            redis.resume();
            run.resumedAt = System.nanoTime();
            Thread.sleep(SETTLE_AFTER_RESUME.toMillis());
        }
        run.stop.set(true);
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        System.out.printf("RedisStallTest: pauses %s, %d writes, %d reads (%d cache hits), %d stale reads, %d errors%n",
                pauses, run.writes.get(), run.reads.get(), run.hits.get(), run.stale.size(), run.errors.size());
        run.stale.stream().limit(20).forEach(s -> System.out.println("  stale: " + s));
        run.errors.stream().limit(20).forEach(e -> System.out.println("  error: " + e));
        assertThat(run.errors).as("5xx or unexpected answers").isEmpty();
        assertThat(run.stale).as("reads older than an acknowledged write").isEmpty();
        assertThat(run.hits.get()).as("the cache served reads at all").isPositive();
    }

    /** Shared state of one run. */
    static final class Run {

        final AtomicBoolean stop = new AtomicBoolean();

        final AtomicInteger writes = new AtomicInteger();

        final AtomicInteger reads = new AtomicInteger();

        final AtomicInteger hits = new AtomicInteger();

        final ConcurrentLinkedQueue<Anomaly> stale = new ConcurrentLinkedQueue<>();

        final ConcurrentLinkedQueue<Anomaly> errors = new ConcurrentLinkedQueue<>();

        volatile String phase = "before any pause";

        volatile long pausedAt = Long.MAX_VALUE;

        volatile long resumedAt = Long.MAX_VALUE;

        Anomaly anomaly(String what) {
            long now = System.nanoTime();
            double since = resumedAt == Long.MAX_VALUE ? (pausedAt - now) / 1e9 : (now - resumedAt) / 1e9;
            return new Anomaly(phase, since, what);
        }

    }

    /**
     * One user: writes on one instance, then reads back on the other what it expects to
     * see.
     */
    static final class Client {

        record Expected(String title, int messages) {
        }

        final Api writer;

        final Api reader;

        final Run run;

        final Map<String, Expected> chats = new HashMap<>();

        final List<String> deleted = new ArrayList<>();

        String current;

        int titles;

        Client(Api writer, Api reader, Run run) {
            this.writer = writer;
            this.reader = reader;
            this.run = run;
        }

        void loop() {
            create();
            create();
            while (!run.stop.get()) {
                write();
                readBack();
            }
        }

        private void write() {
            int dice = ThreadLocalRandom.current().nextInt(10);
            if (dice < 2 || chats.get(current).messages() >= MAX_MESSAGES) {
                replaceCurrent();
            }
            else if (dice < 5) {
                String title = "title " + ++titles;
                if (acknowledged(writer.patch("/api/v1/chats/" + current, "{\"title\":\"" + title + "\"}"), 200)) {
                    chats.put(current, new Expected(title, chats.get(current).messages()));
                }
            }
            else {
                Api.Response posted = writer.post("/api/v1/chats/" + current + "/messages",
                        "{\"message\":\"message " + System.nanoTime() + "\"}");
                if (acknowledged(posted, 200)) {
                    chats.put(current, new Expected(chats.get(current).title(), chats.get(current).messages() + 2));
                }
            }
        }

        private void replaceCurrent() {
            if (acknowledged(writer.delete("/api/v1/chats/" + current), 204)) {
                chats.remove(current);
                deleted.add(current);
                create();
            }
        }

        private void create() {
            Api.Response created = writer.post("/api/v1/chats",
                    "{\"message\":\"first " + System.nanoTime() + "\",\"category\":\"GENERAL\"}");
            if (acknowledged(created, 201)) {
                JsonNode chat = created.json().get("chat");
                current = chat.get("id").asString();
                chats.put(current, new Expected(chat.get("title").asString(), 2));
            }
            else {
                current = chats.keySet().iterator().next();
            }
        }

        private boolean acknowledged(Api.Response response, int expected) {
            run.writes.incrementAndGet();
            if (response.status() != expected) {
                run.errors.add(run.anomaly("write answered " + response.status() + ": " + response.body()));
                return false;
            }
            return true;
        }

        private void readBack() {
            Expected expected = chats.get(current);
            Api.Response chat = read("/api/v1/chats/" + current);
            if (chat.status() == 200) {
                JsonNode body = chat.json();
                Expected seen = new Expected(body.get("title").asString(), body.get("messages").size());
                if (!seen.equals(expected)) {
                    run.stale.add(run.anomaly("chat " + current + ": expected " + expected + ", served " + seen + " ("
                            + chat.header("X-Cache") + ")"));
                }
            }
            else {
                run.stale.add(run.anomaly("chat " + current + " answered " + chat.status()));
            }
            Api.Response list = read("/api/v1/chats");
            if (list.status() == 200) {
                Map<String, Expected> listed = new HashMap<>();
                for (JsonNode item : list.json().get("items")) {
                    listed.put(item.get("id").asString(),
                            new Expected(item.get("title").asString(), item.get("messageCount").asInt()));
                }
                if (!listed.equals(chats)) {
                    run.stale.add(run.anomaly(
                            "list: expected " + chats + ", served " + listed + " (" + list.header("X-Cache") + ")"));
                }
            }
            if (!deleted.isEmpty()) {
                String gone = deleted.getLast();
                Api.Response deletedChat = read("/api/v1/chats/" + gone);
                if (deletedChat.status() != 404) {
                    run.stale.add(run.anomaly("deleted chat " + gone + " answered " + deletedChat.status() + " ("
                            + deletedChat.header("X-Cache") + ")"));
                }
            }
        }

        private Api.Response read(String path) {
            Api.Response response = reader.get(path);
            run.reads.incrementAndGet();
            if ("HIT".equals(response.header("X-Cache"))) {
                run.hits.incrementAndGet();
            }
            if (response.status() >= 500) {
                run.errors.add(run.anomaly("GET " + path + " answered " + response.status()));
            }
            return response;
        }

    }

}
