package dev.docent.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.shared.redis.SharedBuckets;
import dev.docent.support.Api;
import dev.docent.support.Eventually;
import dev.docent.support.Instances;
import dev.docent.support.PausableRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A key's and a widget visitor's per-minute limits hold across two instances that share a
 * Redis (a private process, so that it can really be paused), and a paused Redis neither
 * refuses nor holds up a request: each instance then counts on its own.
 */
class SharedKeyLimitsTest {

    static final int LIMIT = 3;

    /** The statuses of twice {@link #LIMIT} requests: the limit, then refusals. */
    static final List<Integer> LIMIT_THEN_REFUSED = Stream
        .concat(Collections.nCopies(LIMIT, 200).stream(), Collections.nCopies(LIMIT, 429).stream())
        .toList();

    static final String SITE = "https://docs.example.com";

    static final Duration QUICK = Duration.ofSeconds(1);

    static PausableRedis redis;

    static Instances.Two two;

    static Api admin;

    @BeforeAll
    static void start() {
        redis = PausableRedis.start(6460, 6469);
        two = Instances.startTwo(Map.of("docent.redis.url", redis.url(), "docent.admin.username", "limiter",
                "docent.admin.password", "limit-them-all-123"));
        admin = new Api(two.firstPort()).login("limiter", "limit-them-all-123");
    }

    @AfterAll
    static void stop() {
        if (two != null) {
            two.close();
        }
        redis.close();
    }

    @Test
    void aSecretKeysLimitHoldsAcrossInstances() {
        String key = key("{\"name\":\"agent\",\"kind\":\"secret\",\"requestsPerMinute\":" + LIMIT + "}");

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 2 * LIMIT; i++) {
            JsonNode result = callTool(port(i), key);
            String text = result.get("content").get(0).get("text").asString();
            outcomes.add(result.path("isError").asBoolean() ? "refused: " + text : "ok");
        }

        assertThat(outcomes.subList(0, LIMIT)).as(outcomes.toString()).containsOnly("ok");
        assertThat(outcomes.subList(LIMIT, 2 * LIMIT)).as("on either instance " + outcomes)
            .allSatisfy(outcome -> assertThat(outcome).contains(LIMIT + " requests a minute").contains("try again in"));
    }

    @Test
    void aPublicKeysLimitHoldsAcrossInstances() {
        String key = publicKey(LIMIT, 100);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * LIMIT; i++) {
            Api.Response session = session(port(i), key, null);
            if (session.status() != 200) {
                limited(session);
            }
            statuses.add(session.status());
        }

        assertThat(statuses).as("new visitors, alternating instances").isEqualTo(LIMIT_THEN_REFUSED);
    }

    @Test
    void aVisitorsLimitHoldsAcrossInstances() {
        String key = publicKey(100, LIMIT);

        assertThat(statuses(key, two.firstPort(), two.secondPort())).isEqualTo(LIMIT_THEN_REFUSED);
    }

    @Test
    void whileRedisIsPausedEachInstanceLimitsOnItsOwnWithoutHoldingRequestsUp() throws InterruptedException {
        String key = publicKey(100, LIMIT);
        redis.pause();
        try {
            assertThat(statuses(key, two.firstPort(), two.firstPort())).as("first instance")
                .isEqualTo(LIMIT_THEN_REFUSED);
            assertThat(statuses(key, two.secondPort(), two.secondPort())).as("second instance")
                .isEqualTo(LIMIT_THEN_REFUSED);
        }
        finally {
            redis.resume();
        }
        Thread.sleep(SharedBuckets.RETRY.plusSeconds(1).toMillis());

        assertThat(statuses(publicKey(100, LIMIT), two.firstPort(), two.secondPort())).as("shared again")
            .isEqualTo(LIMIT_THEN_REFUSED);
    }

    /**
     * One visitor's sessions, alternating between the two ports: every answer within
     * {@link #QUICK}.
     */
    private static List<Integer> statuses(String key, int onePort, int otherPort) {
        List<Integer> statuses = new ArrayList<>();
        String visitor = null;
        for (int i = 0; i < 2 * LIMIT; i++) {
            long started = System.nanoTime();
            Api.Response session = session(i % 2 == 0 ? onePort : otherPort, key, visitor);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("session " + i).isLessThan(QUICK);
            if (session.status() == 200) {
                visitor = session.json().get("visitor").asString();
            }
            else {
                limited(session);
            }
            statuses.add(session.status());
        }
        return statuses;
    }

    private static void limited(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
    }

    private static int port(int request) {
        return request % 2 == 0 ? two.firstPort() : two.secondPort();
    }

    private static String publicKey(int perMinute, int perVisitor) {
        return key("{\"name\":\"docs site\",\"kind\":\"public\",\"allowedOrigins\":[\"" + SITE
                + "\"],\"requestsPerMinute\":" + perMinute + ",\"visitorRequestsPerMinute\":" + perVisitor + "}");
    }

    /** A new key, once both instances know it. */
    private static String key(String json) {
        Api.Response created = admin.post("/api/v1/keys", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asString();
        ApiKeys second = two.second().getBean(ApiKeys.class);
        Eventually.await(Duration.ofSeconds(3), () -> second.find(key).isPresent(), found -> found);
        return key;
    }

    private static Api.Response session(int port, String key, String visitor) {
        return new Api(port).send("POST", "/api/v1/widget/session", visitor == null ? null : "application/json",
                visitor == null ? null : "{\"visitor\":\"" + visitor + "\"}", "X-Docent-Key", key, "Origin", SITE);
    }

    private static JsonNode callTool(int port, String key) {
        Api.Response response = new Api(port).send("POST", "/mcp", "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"list_document_sets\",\"arguments\":{}}}",
                "Authorization", "Bearer " + key, "Accept", "application/json, text/event-stream");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("result");
    }

}
