package dev.docent.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@DocentTest
@TestPropertySource(
        properties = { "docent.admin.username=operations", "docent.admin.password=" + OperationsTest.PASSWORD })
class OperationsTest {

    static final String PASSWORD = "watch-the-metrics-42";

    /**
     * Reads of one chat; the background warming after a login reads only the (empty)
     * list.
     */
    private static final String CHAT_READS = "docent_cache_requests_total{";

    @LocalServerPort
    int port;

    @Test
    void healthReportsTheDatabaseAndTheCache() {
        Api.Response health = new Api(port).login("operations", PASSWORD).get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        JsonNode components = health.json().get("components");
        assertThat(components.path("db").path("status").asString("")).isEqualTo("UP");
        assertThat(components.path("cache").path("status").asString("")).isEqualTo("UP");
        assertThat(components.path("cache").path("details").path("adapter").asString("")).isEqualTo("redis");
    }

    @Test
    void prometheusCountsCacheRequests() {
        Api api = new Api(port).newUser();
        String chatId = api.newChat("counted");
        double before = chatReads();

        assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(200);

        assertThat(chatReads()).isEqualTo(before + 1);
    }

    @Test
    void requestMetricsNameTheEndpointOfACachedRead() {
        Api api = new Api(port).newUser();
        String chatId = api.newChat("timed");
        double before = timedRequests("/api/v1/chats/{chatId}");

        assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");

        assertThat(timedRequests("/api/v1/chats/{chatId}")).isEqualTo(before + 1);
    }

    /** How many GETs of {@code uri} answered 200 the request timer has counted. */
    private double timedRequests(String uri) {
        return new Api(port).get("/actuator/prometheus")
            .body()
            .lines()
            .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
            .filter(line -> line.contains("method=\"GET\"") && line.contains("status=\"200\"")
                    && line.contains("uri=\"" + uri + "\""))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

    @Test
    void theOpenApiDocumentListsTheChatsAndSwaggerUiServesIt() {
        Api anonymous = new Api(port);
        Api.Response docs = anonymous.get("/v3/api-docs");

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString("")).startsWith("3.");
        assertThat(docs.json().path("paths").has("/api/v1/chats")).isTrue();

        Api.Response ui = anonymous.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        Api.Response shortcut = anonymous.get("/swagger-ui.html");
        assertThat(shortcut.status()).isEqualTo(302);
        assertThat(shortcut.header("Location")).endsWith("/swagger-ui/index.html");
    }

    /**
     * The sum of the chat-read series of {@code docent_cache_requests_total}, 0 before
     * the first one.
     */
    private double chatReads() {
        Api.Response scrape = new Api(port).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        return scrape.body()
            .lines()
            .filter(line -> line.startsWith(CHAT_READS) && line.contains("kind=\"chat\""))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

}
