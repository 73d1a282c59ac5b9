package dev.docent.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.SseStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A widget visitor's guest credential and everything it may and may not do. */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=widgetadmin", "docent.admin.password=open-sesame-1234" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestApiTest {

    static final String SITE = "https://docs.example.com";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    String tea;

    String coffee;

    @BeforeAll
    void setUp() {
        admin = new Api(port).login("widgetadmin", "open-sesame-1234");
        tea = admin.ingest("guest-tea", "Tea guide", "https://docs.example.com/tea/",
                Map.of("brewing.md", "# Brewing\n\nGreen tea wants water at 80 degrees for two minutes."));
        coffee = admin.ingest("guest-coffee", "Coffee guide",
                Map.of("beans.md", "# Beans\n\nArabica beans grow at high altitude."));
    }

    @Test
    void aPublicKeyFromAnAllowedOriginGetsAGuestTokenWithCors() {
        String key = publicKey(tea, 100, 100);

        Api.Response session = session(key, SITE, "");

        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(session.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        JsonNode body = session.json();
        assertThat(body.get("token").asString()).isNotBlank();
        assertThat(body.get("visitor").asString()).hasSize(22);
        assertThat(body.get("documents")).hasSize(1);
        assertThat(body.get("documents").get(0).get("id").asString()).isEqualTo(tea);
        assertThat(jdbc.sql("select role from accounts where username like '~guest-%'").query(String.class).list())
            .isNotEmpty()
            .containsOnly("GUEST");
    }

    @Test
    void aKeyForEverySetLetsItsGuestsAskAllOfThemInOneChat() {
        Api.Response created = admin.post("/api/v1/keys",
                "{\"name\":\"every set\",\"kind\":\"public\",\"allowedOrigins\":[\"" + SITE + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response session = session(created.json().get("key").asString(), SITE, "");
        assertThat(session.json().get("allSets").asBoolean()).isTrue();
        assertThat(session.json().get("documents").findValuesAsString("id")).contains(tea, coffee);
        assertThat(session(publicKey(tea, 100, 100), SITE, "").json().get("allSets").asBoolean())
            .as("a key limited to its sets")
            .isFalse();
        Api guest = new Api(port).as(session.json().get("token").asString());

        Api.Response started = guestPost(guest, "/api/v1/chats",
                "{\"message\":\"Where do arabica beans grow?\",\"category\":\"OFFICIAL_DOCS\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("chat").get("id").asString();
        assertThat(guestPost(guest, "/api/v1/chats/" + chat + "/messages",
                "{\"message\":\"How hot should the water be for green tea?\"}")
            .status()).isEqualTo(200);
        JsonNode read = guestGet(guest, "/api/v1/chats/" + chat).json();
        assertThat(read.has("documentId") && !read.get("documentId").isNull()).as("a chat over every set").isFalse();
        assertThat(read.get("messages").toString()).contains("high altitude").contains("80 degrees");
    }

    @Test
    void theSessionIsRefusedWithoutALivePublicKeyOrFromAnotherOrigin() {
        String key = publicKey(tea, 100, 100);
        String secret = admin.post("/api/v1/keys", "{\"name\":\"server\",\"kind\":\"secret\"}")
            .json()
            .get("key")
            .asString();

        assertProblem(session(null, SITE, ""), 400, "X-Docent-Key");
        assertProblem(session("dk_pub_nonsense", SITE, ""), 403, "not a live public key");
        assertProblem(session(secret, SITE, ""), 403, "not a live public key");
        assertProblem(session(key, "https://evil.example", ""), 403, "https://evil.example");
        assertProblem(session(key, null, ""), 403, "Origin");
        Api.Response refused = session(key, "https://evil.example", "");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aGuestAsksStreamsStopsAndReadsOnlyItsOwnChats() {
        String key = publicKey(tea, 100, 100);
        Api guest = guest(key, SITE);

        try (SseStream stream = SseStream.open(guest.request("/api/v1/chats")
            .header("Origin", SITE)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"message\":\"How hot for green tea?\","
                    + "\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + tea + "\"}"))
            .build())) {
            assertThat(stream.status()).isEqualTo(200);
            List<String> events = new ArrayList<>();
            String done = null;
            for (SseStream.Event event = stream.next(); event != null; event = stream.next()) {
                events.add(event.name());
                if ("done".equals(event.name())) {
                    done = event.data();
                    break;
                }
            }
            assertThat(events).contains("meta", "sources", "token", "done");
            assertThat(done).contains("80 degrees").contains("brewing");
        }
        String chat = guestLatest(guest);
        Api.Response read = guestGet(guest, "/api/v1/chats/" + chat);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        assertThat(read.body()).contains("How hot for green tea?");
        Api.Response reply = guestPost(guest, "/api/v1/chats/" + chat + "/messages",
                "{\"message\":\"And for how long?\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(guestPost(guest, "/api/v1/chats/" + chat + "/stop", "").status()).isEqualTo(200);

        Api otherVisitor = guest(key, SITE);
        assertThat(guestGet(otherVisitor, "/api/v1/chats/" + chat).status()).isEqualTo(404);
        String usersChat = new Api(port).newUser().newChat("mine");
        assertThat(guestGet(guest, "/api/v1/chats/" + usersChat).status()).isEqualTo(404);
    }

    @Test
    void aGuestRatesTheAnswersOfItsOwnChatsOnly() {
        String key = publicKey(tea, 100, 100);
        Api guest = guest(key, SITE);
        String chat = startChat(guest);
        JsonNode messages = guestGet(guest, "/api/v1/chats/" + chat).json().get("messages");
        String answer = messages.get(messages.size() - 1).get("id").asString();
        String feedback = "/api/v1/chats/" + chat + "/messages/" + answer + "/feedback";

        Api.Response rated = guest.send("PUT", feedback, "application/json",
                "{\"rating\":\"down\",\"reason\":\"wrong\"}", "Origin", SITE);
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        assertThat(guestGet(guest, "/api/v1/chats/" + chat).body()).contains("\"rating\":\"down\"");
        assertThat(guest.send("DELETE", feedback, null, null, "Origin", SITE).status()).isBetween(200, 204);
        assertThat(guestGet(guest, "/api/v1/chats/" + chat).body()).doesNotContain("\"rating\"");

        Api otherVisitor = guest(key, SITE);
        assertThat(
                otherVisitor.send("PUT", feedback, "application/json", "{\"rating\":\"up\"}", "Origin", SITE).status())
            .isEqualTo(404);
    }

    @Test
    void aGuestMayDoNothingElse() {
        String key = publicKey(tea, 100, 100);
        Api guest = guest(key, SITE);

        assertProblem(guestPost(guest, "/api/v1/chats", "{\"message\":\"hi\",\"category\":\"GENERAL\"}"), 400,
                "OFFICIAL_DOCS");
        assertProblem(
                guestPost(guest, "/api/v1/chats",
                        "{\"message\":\"hi\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + coffee + "\"}"),
                400, "documentId");
        assertProblem(guestPost(guest, "/api/v1/chats", "{\"message\":\"hi\",\"category\":\"OFFICIAL_DOCS\"}"), 400,
                "documentId");
        for (String path : List.of("/api/v1/chats", "/api/v1/documents", "/api/v1/keys", "/api/v1/accounts/me",
                "/api/v1/insights", "/api/v1/shares", "/api/v1/auth/session")) {
            Api.Response refused = guestGet(guest, path);
            assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(guest.send("DELETE", "/api/v1/chats/" + latestChatOf(admin), null, null, "Origin", SITE).status())
            .isEqualTo(403);
        Api.Response login = new Api(port).post("/api/v1/auth/login",
                "{\"username\":\"" + guestUsername() + "\",\"password\":\"!guest\"}");
        assertThat(login.status()).isEqualTo(401);
    }

    @Test
    void everyGuestRequestChecksItsOriginOnTheServer() {
        String key = publicKey(tea, 100, 100);
        Api guest = guest(key, SITE);
        String body = "{\"message\":\"How hot?\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + tea + "\"}";

        assertProblem(guest.postWith("/api/v1/chats", body, "Origin", "https://evil.example"), 403,
                "https://evil.example");
        assertProblem(guest.post("/api/v1/chats", body), 403, "Origin");
    }

    @Test
    void revokingTheKeyRefusesItsGuestsAtOnce() {
        Api.Response created = admin.post("/api/v1/keys", "{\"name\":\"site\",\"kind\":\"public\",\"documentIds\":[\""
                + tea + "\"],\"allowedOrigins\":[\"" + SITE + "\"]}");
        Api guest = guest(created.json().get("key").asString(), SITE);
        assertThat(admin.delete("/api/v1/keys/" + created.json().get("id").asString()).status()).isEqualTo(204);

        Api.Response refused = guestPost(guest, "/api/v1/chats",
                "{\"message\":\"How hot?\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + tea + "\"}");
        assertProblem(refused, 403, "no longer valid");
        assertProblem(session(created.json().get("key").asString(), SITE, ""), 403, "not a live public key");
    }

    @Test
    void aVisitorOverItsLimitIsRefusedWithRetryAfter() {
        String key = publicKey(tea, 100, 2);
        Api.Response session = session(key, SITE, "");
        Api guest = new Api(port).as(session.json().get("token").asString());

        // the session was the visitor's first request of the minute
        assertThat(guestGet(guest, "/api/v1/chats/0190c2a4-0000-7000-8000-000000000000").status()).isEqualTo(404);
        Api.Response limited = guestGet(guest, "/api/v1/chats/0190c2a4-0000-7000-8000-000000000000");
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        // another visitor of the same key is not held back
        assertThat(guestGet(guest(key, SITE), "/api/v1/chats/0190c2a4-0000-7000-8000-000000000000").status())
            .isEqualTo(404);
    }

    @Test
    void theSameVisitorComesBackToItsChatsWithANewToken() {
        String key = publicKey(tea, 100, 100);
        Api.Response first = session(key, SITE, "");
        Api guest = new Api(port).as(first.json().get("token").asString());
        String chat = startChat(guest);
        String visitor = first.json().get("visitor").asString();

        Api.Response again = session(key, SITE, "{\"visitor\":\"" + visitor + "\"}");
        assertThat(again.json().get("visitor").asString()).isEqualTo(visitor);
        Api returning = new Api(port).as(again.json().get("token").asString());
        assertThat(guestGet(returning, "/api/v1/chats/" + chat).status()).isEqualTo(200);
    }

    @Test
    void preflightsAreAnsweredForTheKeysOriginsOnly() {
        publicKey(tea, 100, 100);
        Api.Response allowed = new Api(port).send("OPTIONS", "/api/v1/chats", null, null, "Origin", SITE,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
                "authorization,content-type");
        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        assertThat(allowed.header("Access-Control-Allow-Headers")).contains("Authorization");

        Api.Response refused = new Api(port).send("OPTIONS", "/api/v1/widget/session", null, null, "Origin",
                "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    private String startChat(Api guest) {
        Api.Response started = guestPost(guest, "/api/v1/chats",
                "{\"message\":\"How hot for green tea?\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + tea
                        + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("chat").get("id").asString();
    }

    private String guestLatest(Api guest) {
        JsonNode claims = Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(guest.token().split("\\.")[1]));
        return jdbc.sql("select id::text from chats where user_id = ?::uuid order by created_at desc limit 1")
            .param(claims.get("sub").asString())
            .query(String.class)
            .single();
    }

    private String latestChatOf(Api user) {
        return user.newChat("admin's own");
    }

    private String guestUsername() {
        return jdbc.sql("select username from accounts where role = 'GUEST' limit 1").query(String.class).single();
    }

    private String publicKey(String document, int perMinute, int perVisitor) {
        Api.Response created = admin.post("/api/v1/keys",
                "{\"name\":\"docs site\",\"kind\":\"public\",\"documentIds\":[\"" + document
                        + "\"],\"allowedOrigins\":[\"" + SITE + "\"],\"requestsPerMinute\":" + perMinute
                        + ",\"visitorRequestsPerMinute\":" + perVisitor + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private Api guest(String key, String origin) {
        Api.Response session = session(key, origin, "");
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return new Api(port).as(session.json().get("token").asString());
    }

    private Api.Response session(String key, String origin, String body) {
        List<String> headers = new ArrayList<>();
        if (key != null) {
            headers.addAll(List.of("X-Docent-Key", key));
        }
        if (origin != null) {
            headers.addAll(List.of("Origin", origin));
        }
        return new Api(port).send("POST", "/api/v1/widget/session", body.isEmpty() ? null : "application/json",
                body.isEmpty() ? null : body, headers.toArray(String[]::new));
    }

    private static Api.Response guestGet(Api guest, String path) {
        return guest.send("GET", path, null, null, "Origin", SITE);
    }

    private static Api.Response guestPost(Api guest, String path, String json) {
        return guest.send("POST", path, json.isEmpty() ? null : "application/json", json.isEmpty() ? null : json,
                "Origin", SITE);
    }

    private static void assertProblem(Api.Response response, int status, String detailPart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(detailPart);
    }

}
