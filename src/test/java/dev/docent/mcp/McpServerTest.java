package dev.docent.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The MCP server as a coding agent meets it: the SDK's own Streamable HTTP client with a
 * secret key.
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=agentsmith", "docent.admin.password=follow-the-rabbit-9" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpServerTest {

    static final String TEA = """
            # Brewing tea

            ## Water temperature

            Green tea wants water at about 80 degrees Celsius, because boiling water makes green tea bitter. \
            Black tea takes water just off the boil.
            """;

    static final String BREAD = """
            # Baking sourdough bread

            ## Feeding the starter

            Feed the sourdough starter with equal weights of flour and water every day, and discard half of \
            the starter before each feeding so it stays active.
            """;

    @LocalServerPort
    int port;

    Api admin;

    String tea;

    String bread;

    String mcpKey;

    @BeforeAll
    void documents() {
        admin = new Api(port).login("agentsmith", "follow-the-rabbit-9");
        tea = admin.ingest("mcp-tea", "Tea guide", "https://tea.example.org/", Map.of("tea.md", TEA));
        bread = admin.ingest("mcp-bread", "Bread guide", Map.of("bread.md", BREAD));
    }

    @AfterAll
    void deleteDocuments() {
        admin.delete("/api/v1/documents/" + tea);
        admin.delete("/api/v1/documents/" + bread);
    }

    @Test
    void anAgentInitializesListsTheToolsAndCallsEachOne() {
        try (McpSyncClient client = client(secretKey("{}"))) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("docent");
            List<Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(Tool::name)
                .containsExactlyInAnyOrder("search_docs", "ask_docs", "list_document_sets");
            assertThat(tools).allSatisfy(tool -> assertThat(tool.description()).hasSizeGreaterThan(80));

            CallToolResult sets = call(client, "list_document_sets", Map.of());
            assertThat(sets.isError()).isFalse();
            assertThat(text(sets)).contains("mcp-tea: Tea guide").contains("mcp-bread: Bread guide");

            CallToolResult search = call(client, "search_docs",
                    Map.of("query", "water temperature green tea", "document", "mcp-tea", "limit", 3));
            assertThat(search.isError()).as(text(search)).isFalse();
            assertThat(text(search)).contains("80 degrees")
                .contains("Water temperature")
                .contains("https://tea.example.org/");
            assertThat(search.structuredContent()).asString().contains("80 degrees");

            CallToolResult answer = call(client, "ask_docs",
                    Map.of("question", "How hot should the water be for green tea?"));
            assertThat(answer.isError()).as(text(answer)).isFalse();
            assertThat(text(answer)).contains("80 degrees").contains("[1]").contains("Sources:");
        }
    }

    @Test
    void badArgumentsAreToolErrorsThatSayWhatToDo() {
        try (McpSyncClient client = client(secretKey("{}"))) {
            client.initialize();
            CallToolResult missing = call(client, "search_docs", Map.of());
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("required property 'query'");

            CallToolResult blank = call(client, "search_docs", Map.of("query", "   "));
            assertThat(blank.isError()).isTrue();
            assertThat(text(blank)).contains("'query' must not be empty");

            CallToolResult invisible = call(client, "ask_docs", Map.of("question", "\u200b\ufeff"));
            assertThat(invisible.isError()).isTrue();
            assertThat(text(invisible)).contains("'question' must contain a letter").doesNotContain("embed");

            CallToolResult limit = call(client, "search_docs", Map.of("query", "tea", "limit", 500));
            assertThat(limit.isError()).isTrue();
            assertThat(text(limit)).contains("limit").contains("20");

            CallToolResult unknown = call(client, "ask_docs", Map.of("question", "tea?", "document", "nope"));
            assertThat(unknown.isError()).isTrue();
            assertThat(text(unknown)).contains("No document set 'nope'").contains("mcp-tea");

            CallToolResult wrongType = call(client, "ask_docs", Map.of("question", 42));
            assertThat(wrongType.isError()).isTrue();
            assertThat(text(wrongType)).contains("question").contains("string");

            CallToolResult extra = call(client, "list_document_sets", Map.of("verbose", true));
            assertThat(extra.isError()).isTrue();
            assertThat(text(extra)).contains("verbose");
        }
    }

    @Test
    void aKeyOnlyReadsItsSetsAndAReadOnlyKeyCannotAsk() {
        try (McpSyncClient client = client(secretKey("{\"documentIds\":[\"" + bread + "\"],\"readOnly\":true}"))) {
            client.initialize();
            assertThat(text(call(client, "list_document_sets", Map.of()))).contains("mcp-bread")
                .doesNotContain("mcp-tea");
            CallToolResult search = call(client, "search_docs", Map.of("query", "green tea water"));
            assertThat(text(search)).doesNotContain("80 degrees");
            CallToolResult other = call(client, "search_docs", Map.of("query", "tea", "document", "mcp-tea"));
            assertThat(other.isError()).isTrue();

            CallToolResult ask = call(client, "ask_docs", Map.of("question", "How do I feed the starter?"));
            assertThat(ask.isError()).isTrue();
            assertThat(text(ask)).contains("read-only").contains("search_docs");
        }
    }

    @Test
    void aCallOverTheKeysLimitIsAToolErrorWithTheWait() {
        try (McpSyncClient client = client(secretKey("{\"requestsPerMinute\":1}"))) {
            client.initialize();
            assertThat(call(client, "list_document_sets", Map.of()).isError()).isFalse();
            CallToolResult limited = call(client, "list_document_sets", Map.of());
            assertThat(limited.isError()).isTrue();
            assertThat(text(limited)).contains("1 requests a minute").contains("try again in");
        }
    }

    @Test
    void aBadMissingPublicOrRevokedKeyIsRefused() {
        assertRefused("dk_sec_" + "A".repeat(43));
        assertRefused("not-a-key");
        Api.Response widget = admin.post("/api/v1/keys",
                "{\"name\":\"widget\",\"kind\":\"public\",\"allowedOrigins\":[\"https://docs.example.com\"]}");
        assertRefused(widget.json().get("key").asString());

        Api.Response created = admin.post("/api/v1/keys", "{\"name\":\"soon gone\",\"kind\":\"secret\"}");
        String key = created.json().get("key").asString();
        try (McpSyncClient client = client(key)) {
            client.initialize();
        }
        assertThat(admin.delete("/api/v1/keys/" + created.json().get("id").asString()).status()).isEqualTo(204);
        assertRefused(key);

        Api.Response raw = new Api(port).send("POST", "/mcp", "application/json", "{}");
        assertThat(raw.status()).isEqualTo(401);
        assertThat(raw.contentType()).startsWith("application/problem+json");
        assertThat(raw.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    /**
     * What no SDK client sends: each gets a 400 with a JSON-RPC error (no id, as the
     * Streamable HTTP transport allows), never a 500 or a serialized exception.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = { //
            "{\"jsonrpc\":\"2.0\",|-32700", //
            "not json at all|-32700", //
            "{\"jsonrpc\":\"2.0\",\"id\":1} trailing|-32700", //
            "[]|-32600", //
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]|-32600", //
            "null|-32600", //
            "42|-32600", //
            "{\"id\":1}|-32600", //
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}|-32600", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}|-32600", //
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}|-32600", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[1]}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search_docs\",\"arguments\":\"x\"}}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":{}}}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":\"x\"}}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}|-32602", //
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":\"x\"}|-32602" })
    void aMalformedMessageIsAJsonRpcErrorNeverAServerError(String body, int code) {
        Api.Response response = postMcp(body, "application/json, text/event-stream");

        assertCleanJsonRpcError(response, code);
    }

    /** The SDK's own refusals are JSON-RPC errors too, not a serialized exception. */
    @Test
    void aRequestWithoutTheAcceptTheTransportWantsIsAPlainJsonRpcError() {
        Api.Response response = postMcp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("error").path("message").asString()).contains("Accept");
        assertThat(response.body()).doesNotContain("stackTrace", "at dev.", "at io.", "Exception");
    }

    @Test
    void aWellFormedRequestStillPassesTheCheck() {
        Api.Response response = postMcp("{\"jsonrpc\":\"2.0\",\"id\":\"p-1\",\"method\":\"ping\"}",
                "application/json, text/event-stream");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("id").asString()).isEqualTo("p-1");
        assertThat(response.json().has("result")).isTrue();
    }

    private Api.Response postMcp(String body, String accept) {
        if (mcpKey == null) {
            mcpKey = secretKey("{}");
        }
        return new Api(port).send("POST", "/mcp", "application/json", body, "Authorization", "Bearer " + mcpKey,
                "Accept", accept);
    }

    private static void assertCleanJsonRpcError(Api.Response response, int code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body()).doesNotContain("stackTrace", "at dev.", "at io.", "Exception", "tools.jackson");
        JsonNode json = response.json();
        assertThat(json.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(json.path("error").path("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(json.path("error").path("message").asString()).isNotBlank();
    }

    private void assertRefused(String key) {
        try (McpSyncClient client = client(key)) {
            assertThatThrownBy(client::initialize)
                .hasRootCauseInstanceOf(McpHttpClientTransportAuthorizationException.class);
        }
    }

    private String secretKey(String settings) {
        String body = "{\"name\":\"agent\",\"kind\":\"secret\""
                + (settings.equals("{}") ? "}" : "," + settings.substring(1));
        Api.Response created = admin.post("/api/v1/keys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private McpSyncClient client(String key) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
            .builder("http://127.0.0.1:" + port)
            .endpoint("/mcp")
            .httpRequestCustomizer(
                    (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + key))
            .build();
        return McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static String text(CallToolResult result) {
        return result.content().stream().map(content -> ((TextContent) content).text()).reduce("", String::concat);
    }

}
