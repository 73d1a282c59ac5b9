package dev.docent.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.Eventually;
import dev.docent.support.RawHttp;
import dev.docent.support.Zips;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint, fed bad input: the answer is always a 4xx problem+json (never a 5xx,
 * never a stack trace), and a field error names the field. {@code {chat}} in a path
 * stands for a real chat of the user.
 */
@DocentTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "docent.admin.username=" + BadInputSweepTest.ADMIN,
        "docent.admin.password=" + BadInputSweepTest.ADMIN_PASSWORD })
@ExtendWith(OutputCaptureExtension.class)
class BadInputSweepTest {

    static final String ADMIN = "sweeper";
    static final String ADMIN_PASSWORD = "sweep-the-inputs-42";

    private static final String JSON = "application/json";

    private static final String TEXT = "text/plain";

    private static final String CHAT = "/api/v1/chats/{chat}";

    private static final String NOT_A_UUID = "/api/v1/chats/not-a-uuid";

    private static final String MALFORMED = "{\"message\": ";

    private static final String TOO_LONG = "x".repeat(16_001);

    /**
     * About 2 MB: far over the body limit, under Tomcat's swallow limit so the answer
     * still arrives.
     */
    private static final String HUGE = "{\"message\":\"" + "x".repeat(2_000_000) + "\",\"category\":\"GENERAL\"}";

    record Case(String name, String method, String path, String contentType, String body, int status, String field,
            String... headers) {

        @Override
        public String toString() {
            return name;
        }
    }

    @LocalServerPort
    int port;

    private Api api;

    private Api admin;

    private String chatId;

    @BeforeAll
    void userWithAChat() {
        api = new Api(port).newUser();
        admin = new Api(port).login(ADMIN, ADMIN_PASSWORD);
        chatId = api.newChat("a chat to poke at");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsAProblemNeverAServerError(Case c) {
        Api.Response response = api.send(c.method(), c.path().replace("{chat}", chatId), c.contentType(), c.body(),
                c.headers());
        assertProblem(response, c.status(), c.field());
    }

    @Test
    void theLongestMessageStillFitsUnderTheBodyLimit() {
        String longest = "\u20ac".repeat(16_000); // 48,000 bytes of UTF-8

        Api.Response response = api.post("/api/v1/chats", "{\"message\":\"" + longest + "\",\"category\":\"GENERAL\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitToo() throws Exception {
        byte[] body = HUGE.substring(0, 200_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = api.request("/api/v1/chats")
            .header("Content-Type", JSON)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
        HttpResponse<String> response = api.http().send(request, HttpResponse.BodyHandlers.ofString());
        assertProblem(new Api.Response(response.statusCode(), response.body(), response.headers()), 413, null);
    }

    /**
     * Raw UTF-8 in a header reads, byte by byte, as Latin-1 characters some of which are
     * control characters ("€" is E2 82 AC: U+0082 among them). The firewall refuses those
     * when a controller reads the header.
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({ "GET, /, If-None-Match", "GET, /api/v1/chats/{chat}, If-None-Match",
            "POST, /api/v1/auth/session/refresh, X-Docent-Session",
            "POST, /api/v1/chats/{chat}/messages, Idempotency-Key" })
    void aHeaderHoldingRawUtf8GetsA400NamingItWithOneLogLine(String method, String path, String header,
            CapturedOutput output) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + path.replace("{chat}", chatId) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + api.token() + "\r\nContent-Type: application/json\r\n" + header + ": \"")
            .getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes("price in €\"\r\n".getBytes(StandardCharsets.UTF_8));

        byte[] body = method.equals("POST") ? "{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        RawHttp.Answer answer = RawHttp.send(port, head.toByteArray(), body, 10_000);

        assertProblem(new Api.Response(answer.status(), answer.json(), contentTypeOf(answer)), 400, header);
        assertOneLineAndNoStackTrace(output, header);
    }

    /**
     * What Tomcat refuses while parsing, before any filter runs: a control character in a
     * header value, a header name with a space, a request line it cannot read.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "a control character in a header value|X-Note: a\u0001b",
            "a space in a header name|Bad Header: x", "a header line without a colon|Just some words" })
    void whatTomcatRefusesWhileParsingIsAProblemToo(String what, String line) {
        byte[] head = ("GET /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n" + line + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = RawHttp.send(port, head, new byte[0], 10_000);

        assertProblem(new Api.Response(answer.status(), answer.json(), contentTypeOf(answer)), 400, null);
        assertThat(answer.text()).as(what).doesNotContainIgnoringCase("<html");
    }

    /**
     * A 15 KB query string is past what Tomcat reads of a request's head (8 KB): the
     * problem says it is too long, not that it holds a bad character.
     */
    @Test
    void aQueryStringTooLongToReadIsCalledTooLong(CapturedOutput output) {
        byte[] head = ("GET /api/v1/search?q=" + "word+".repeat(3000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = RawHttp.send(port, head, new byte[0], 10_000);

        Api.Response response = new Api.Response(answer.status(), answer.json(), contentTypeOf(answer));
        assertProblem(response, 400, null);
        assertThat(response.json().get("detail").asString()).contains("too long", "8 KB")
            .doesNotContain("control character");
        assertThat(output.getAll()).as("a client's error, not a stack trace in the log")
            .doesNotContain("Request header is too large");
    }

    @Test
    void anUnreadableRequestLineIsAProblem() {
        byte[] head = "GET /api/v1/docu ments HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = RawHttp.send(port, head, new byte[0], 10_000);

        assertProblem(new Api.Response(answer.status(), answer.json(), contentTypeOf(answer)), 400, null);
    }

    /**
     * Errors Spring answers on its error path, never reaching a controller: a query
     * string that cannot be percent-decoded, a method the MCP endpoint does not take.
     */
    @Test
    void aMalformedPercentEncodingInTheQueryIsAProblemNamingIt() {
        byte[] head = ("GET /api/v1/chats?cursor=%%%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + api.token() + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = RawHttp.send(port, head, new byte[0], 10_000);

        Api.Response response = new Api.Response(answer.status(), answer.json(), contentTypeOf(answer));
        assertProblem(response, 400, null);
        assertThat(response.json().path("detail").asString()).contains("percent-encoding").contains("query");
        assertThat(response.json().path("instance").asString()).as("the request's path, not the error page's")
            .isEqualTo("/api/v1/chats");
        assertThat(answer.text()).doesNotContain("\"timestamp\"", "\"trace\"", "\"path\"");
    }

    /**
     * Tomcat decodes the query string when a handler first reads a parameter, and throws
     * when it cannot: every endpoint answers that as a 400, the anonymous ones too.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/actuator/health?x=%zz", "/api/v1/search?q=share&k=%zz", "/api/v1/search?q=%C0%80",
            "/api/v1/search?q=%ED%A0%80", "/api/v1/chats/{chat}/export?format=%zz",
            "/api/v1/chats/{chat}/messages?before=%", "/api/v1/insights?from=%zz", "/api/v1/chats?q=%C0%80" })
    void anUndecodableQueryStringIsA400WhereverItIsSent(String path, CapturedOutput output) {
        Api caller = path.contains("insights") ? admin : api;
        byte[] head = ("GET " + path.replace("{chat}", chatId)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + caller.token() + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = RawHttp.send(port, head, new byte[0], 10_000);

        Api.Response response = new Api.Response(answer.status(), answer.json(), contentTypeOf(answer));
        assertProblem(response, 400, null);
        assertThat(response.json().path("detail").asString()).contains("query string");
        assertThat(output.getAll()).doesNotContain("InvalidParameterException");
    }

    @ParameterizedTest(name = "{0} /mcp")
    @CsvSource({ "GET", "PUT", "DELETE" })
    void aMethodTheMcpEndpointDoesNotTakeIsAProblemSayingUsePost(String method) {
        Api.Response key = admin.post("/api/v1/keys", "{\"name\":\"agent\",\"kind\":\"secret\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);

        Api.Response response = new Api(port).send(method, "/mcp", null, null, "Authorization",
                "Bearer " + key.json().get("key").asString());

        assertProblem(response, 405, null);
        assertThat(response.json().path("detail").asString()).contains(method).contains("/mcp").contains("POST");
        assertThat(response.header("Allow")).isEqualTo("POST");
        assertThat(response.body()).doesNotContain("\"timestamp\"");
    }

    @Test
    void aCookieHoldingRawUtf8IsNoReasonToRefuseARequest() {
        byte[] head = ("GET /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.token()
                + "\r\nCookie: another-app=€\r\n")
            .getBytes(StandardCharsets.UTF_8);

        assertThat(RawHttp.send(port, head, new byte[0], 10_000).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/v1/auth/login, ", "/api/v1/chats, user", "/api/v1/documents/x, admin" })
    void aMultipartBodyAnywhereButTheUploadIsRefusedBeforeItIsRead(String path, String who) {
        RawHttp.Answer answer = sendMultipart(path, who == null ? null : who.equals("admin") ? admin : api);

        assertThat(answer).as("an answer while most of the 30 MB body is unsent").isNotNull();
        assertThat(answer.status()).as(answer.text()).isEqualTo(415);
    }

    @Test
    void aMultipartUploadByANonAdminIsRefusedBeforeItIsRead() {
        RawHttp.Answer user = sendMultipart("/api/v1/documents", api);
        RawHttp.Answer anonymous = sendMultipart("/api/v1/documents", null);

        assertThat(user).as("an answer while most of the 30 MB body is unsent").isNotNull();
        assertThat(user.status()).as(user.text()).isEqualTo(403);
        assertThat(anonymous).isNotNull();
        assertThat(anonymous.status()).as(anonymous.text()).isEqualTo(401);
    }

    /**
     * Announces a 30 MB multipart body, sends 1 MB of it and waits five seconds for the
     * answer.
     */
    private RawHttp.Answer sendMultipart(String path, Api as) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (as == null ? "" : "Authorization: Bearer " + as.token() + "\r\n")
                + "Content-Type: multipart/form-data; boundary=xyz\r\n";
        return RawHttp.send(port, head.getBytes(StandardCharsets.ISO_8859_1), 30_000_000, 1_000_000, 5_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArchives")
    void aZipThatCannotBeUnpackedGetsA400NamingTheEntry(String name, byte[] zip, String entry, CapturedOutput output) {
        Api.Response response = admin.upload("/api/v1/documents", Map.of("slug", "bad-zip", "title", "Bad zip"),
                "files", Map.of("site.zip", zip));

        assertProblem(response, 400, "files");
        assertThat(response.json().path("detail").asString()).contains(entry).doesNotContain("(null)");
        assertOneLineAndNoStackTrace(output, entry);
    }

    static Stream<Arguments> badArchives() {
        byte[] page = "<html><body><p>a page</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[400_000];
        new Random(7).nextBytes(large);
        byte[] deflated = Zips.of(Map.of("big.html", Base64.getEncoder().encode(large)));
        return Stream.of(
                Arguments.of("a file and a folder of the same name",
                        Zips.of(Zips.entries("a.html", page, "a.html/b.html", page)), "a.html/b.html"),
                Arguments.of("a symbolic link with an entry under it",
                        Zips.symlink(Zips.of(Zips.entries("docs", "/etc".getBytes(StandardCharsets.UTF_8),
                                "docs/passwd.html", page)), "docs"),
                        "docs/passwd.html"),
                Arguments.of("a truncated deflated entry", Arrays.copyOf(deflated, deflated.length / 2), "big.html"),
                Arguments.of("a zip cut inside its first header", Arrays.copyOf(Zips.of(Map.of("page.html", page)), 33),
                        "site.zip"));
    }

    @Test
    void aPdfNestedTooDeeplyToParseFailsItsJobNamingTheFile(CapturedOutput output) {
        Api.Response accepted = admin.upload("/api/v1/documents", Map.of("slug", "deep-pdf", "title", "Deep PDF"),
                "files", Map.of("deep.pdf", Zips.deeplyNestedPdf(200_000)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        JsonNode job = Eventually.await(Duration.ofSeconds(60),
                () -> admin.get("/api/v1/ingestions/" + accepted.json().get("jobId").asString()).json(),
                state -> !List.of("QUEUED", "RUNNING").contains(state.get("state").asString()));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("deep.pdf").contains("nested too deeply");
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    private static void assertOneLineAndNoStackTrace(CapturedOutput output, String naming) {
        assertThat(output.getAll()).doesNotContain("\tat ");
        assertThat(output.getAll().lines().filter(line -> line.contains(naming))).hasSize(1);
    }

    private static java.net.http.HttpHeaders contentTypeOf(RawHttp.Answer answer) {
        String type = answer.text()
            .lines()
            .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
            .map(line -> line.substring("content-type:".length()).strip())
            .findFirst()
            .orElse("");
        return java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of(type)), (a, b) -> true);
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("at dev.docent", "Exception");
        JsonNode problem = response.json();
        for (String member : List.of("type", "title", "detail")) {
            assertThat(problem.path(member).asString("")).as(member).isNotBlank();
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString("")))
                .as(problem.toString())
                .contains(field);
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // accounts
        for (String path : List.of("signup", "login", "refresh", "logout")) {
            String p = "/api/v1/auth/" + path;
            cases.add(bad(path + ": malformed JSON", "POST", p, MALFORMED, "body"));
            cases.add(bad(path + ": empty body", "POST", p, "", "body"));
            cases.add(new Case(path + ": text/plain", "POST", p, TEXT, "hello", 415, null));
            cases.add(new Case(path + ": GET", "GET", p, null, null, 405, null));
            cases.add(new Case(path + ": 2 MB body", "POST", p, JSON, HUGE, 413, null));
        }
        cases.add(bad("signup: username is an array", "POST", "/api/v1/auth/signup",
                "{\"username\":[],\"password\":\"correct horse battery\"}", "username"));
        cases.add(bad("login: password is an object", "POST", "/api/v1/auth/login",
                "{\"username\":\"someone\",\"password\":{}}", "password"));
        cases.add(bad("refresh: token is a number", "POST", "/api/v1/auth/refresh", "{\"refreshToken\":5}",
                "refreshToken"));
        cases
            .add(bad("logout: blank token", "POST", "/api/v1/auth/logout", "{\"refreshToken\":\" \"}", "refreshToken"));
        cases.add(new Case("me: POST", "POST", "/api/v1/me", JSON, "{}", 405, null));
        cases.add(new Case("me: DELETE", "DELETE", "/api/v1/me", null, null, 405, null));
        cases.add(new Case("unknown path", "GET", "/api/v1/nothing-here", null, null, 404, null));

        // starting a chat and replying to one take the same message
        for (String p : List.of("/api/v1/chats", CHAT + "/messages")) {
            String category = p.endsWith("messages") ? "" : ",\"category\":\"GENERAL\"";
            String name = p.endsWith("messages") ? "reply: " : "start: ";
            cases.add(bad(name + "malformed JSON", "POST", p, MALFORMED, "body"));
            cases.add(bad(name + "message is a number", "POST", p, "{\"message\":5" + category + "}", "message"));
            cases.add(bad(name + "message is blank", "POST", p, "{\"message\":\"  \"" + category + "}", "message"));
            cases.add(bad(name + "message holds half a surrogate pair", "POST", p,
                    "{\"message\":\"hi \\ud800 x\"" + category + "}", "message"));
            cases.add(bad(name + "message holds a NUL", "POST", p, "{\"message\":\"a\\u0000b\"" + category + "}",
                    "message"));
            cases.add(bad(name + "message over 16,000 characters", "POST", p,
                    "{\"message\":\"" + TOO_LONG + "\"" + category + "}", "message"));
            cases.add(new Case(name + "text/plain", "POST", p, TEXT, "hello", 415, null));
            cases.add(new Case(name + "PUT", "PUT", p, JSON, "{}", 405, null));
            cases.add(new Case(name + "2 MB body", "POST", p, JSON, HUGE, 413, null));
            cases.add(new Case(name + "Idempotency-Key with a space", "POST", p, JSON,
                    "{\"message\":\"hi\"" + category + "}", 400, "Idempotency-Key", "Idempotency-Key", "a b"));
            cases.add(new Case(name + "Idempotency-Key over 200 characters", "POST", p, JSON,
                    "{\"message\":\"hi\"" + category + "}", 400, "Idempotency-Key", "Idempotency-Key",
                    "k".repeat(201)));
            cases.add(new Case(name + "streaming, blank message", "POST", p, JSON, "{\"message\":\"\"" + category + "}",
                    400, "message", "Accept", "text/event-stream"));
        }
        cases.add(bad("start: message given twice", "POST", "/api/v1/chats",
                "{\"message\":\"a\",\"message\":\"b\",\"category\":\"OFFICIAL_DOCS\"}", "message"));
        cases.add(bad("start: only invisible characters", "POST", "/api/v1/chats",
                "{\"message\":\"\\u202e\\u200b\\ufeff\",\"category\":\"OFFICIAL_DOCS\"}", "message"));
        cases.add(bad("reply: only a combining accent", "POST", CHAT + "/messages", "{\"message\":\"\\u0301\"}",
                "message"));
        cases.add(bad("search: only a zero-width space", "GET", "/api/v1/search?q=%E2%80%8B", null, "q"));
        cases.add(bad("start: category is an array", "POST", "/api/v1/chats", "{\"message\":\"hi\",\"category\":[]}",
                "category"));
        cases.add(bad("start: unknown category", "POST", "/api/v1/chats",
                "{\"message\":\"hi\",\"category\":\"POETRY\"}", "category"));
        cases.add(bad("start: no category", "POST", "/api/v1/chats", "{\"message\":\"hi\"}", "category"));
        cases.add(bad("start: category given by its position", "POST", "/api/v1/chats",
                "{\"message\":\"hi\",\"category\":1}", "category"));
        cases.add(bad("start: documentId not a UUID", "POST", "/api/v1/chats",
                "{\"message\":\"hi\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"doc-1\"}", "documentId"));
        cases.add(bad("reply: chat id not a UUID", "POST", NOT_A_UUID + "/messages", "{\"message\":\"hi\"}", "chatId"));

        // listing
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "cursor=abc", "cursor=!!!", "cursor=",
                "q=" + "q".repeat(201), "q=a%00b")) {
            String field = query.substring(0, query.indexOf('='));
            cases.add(bad("list: " + query.substring(0, Math.min(query.length(), 20)), "GET", "/api/v1/chats?" + query,
                    null, field));
        }
        for (String query : List.of("before=abc", "before=0", "limit=0", "limit=201", "limit=abc")) {
            cases.add(bad("messages: " + query, "GET", CHAT + "/messages?" + query, null,
                    query.substring(0, query.indexOf('='))));
        }

        // one chat
        for (String[] call : List.of(new String[] { "GET", "" }, new String[] { "DELETE", "" },
                new String[] { "GET", "/messages" }, new String[] { "POST", "/stop" },
                new String[] { "GET", "/export" })) {
            cases.add(bad(call[0] + " " + call[1] + ": chat id not a UUID", call[0], NOT_A_UUID + call[1], null,
                    "chatId"));
        }
        cases.add(bad("rename: chat id not a UUID", "PATCH", NOT_A_UUID, "{\"title\":\"t\"}", "chatId"));
        cases.add(bad("rename: malformed JSON", "PATCH", CHAT, "{\"title\"", "body"));
        cases.add(bad("rename: title is an array", "PATCH", CHAT, "{\"title\":[]}", "title"));
        cases.add(bad("rename: blank title", "PATCH", CHAT, "{\"title\":\"\"}", "title"));
        cases.add(bad("rename: title holds a NUL", "PATCH", CHAT, "{\"title\":\"a\\u0000\"}", "title"));
        cases.add(bad("rename: title of a zero-width space", "PATCH", CHAT, "{\"title\":\"\\u200b\"}", "title"));
        cases
            .add(bad("rename: title of two lines", "PATCH", CHAT, "{\"title\":\"line1\\r\\nX-Injected: 1\"}", "title"));
        cases.add(bad("edit: nothing to change", "PATCH", CHAT, "{}", "body"));
        cases.add(bad("edit: documentId not a UUID", "PATCH", CHAT, "{\"documentId\":\"doc-1\"}", "documentId"));
        cases.add(bad("edit: no such document set", "PATCH", CHAT,
                "{\"documentId\":\"0198f3a0-0000-7000-8000-000000000000\"}", "documentId"));
        cases.add(bad("edit: allDocuments not a boolean", "PATCH", CHAT, "{\"allDocuments\":\"yes\"}", "allDocuments"));
        cases.add(bad("edit: allDocuments false", "PATCH", CHAT, "{\"allDocuments\":false}", "allDocuments"));
        cases.add(bad("edit: all sets for a GENERAL chat", "PATCH", CHAT, "{\"allDocuments\":true}", "allDocuments"));
        cases.add(bad("login: username holds a NUL", "POST", "/api/v1/auth/login",
                "{\"username\":\"a\\u0000\",\"password\":\"whatever-password\"}", "username"));
        cases.add(bad("signup: password over 72 bytes", "POST", "/api/v1/auth/signup",
                "{\"username\":\"longpass\",\"password\":\"" + "é".repeat(40) + "\"}", "password"));
        cases.add(new Case("rename: text/plain", "PATCH", CHAT, TEXT, "title", 415, null));
        cases.add(new Case("chat: PUT", "PUT", CHAT, JSON, "{}", 405, null));
        cases.add(new Case("stop: GET", "GET", CHAT + "/stop", null, null, 405, null));
        cases.add(new Case("export: POST", "POST", CHAT + "/export", JSON, "{}", 405, null));
        cases.add(bad("export: format=pdf", "GET", CHAT + "/export?format=pdf", null, "format"));
        cases.add(bad("read: chat id one digit short", "GET", "/api/v1/chats/01a2412e-f1ba-7381-8b91-896c399b373", null,
                "chatId"));
        // a widget's session: the key header, the page's Origin, the body
        String widget = "/api/v1/widget/session";
        cases.add(new Case("widget session: no key header", "POST", widget, JSON, "{}", 400, "X-Docent-Key", "Origin",
                "https://docs.example.com"));
        cases.add(new Case("widget session: not a key", "POST", widget, JSON, "{}", 403, null, "X-Docent-Key",
                "dk_pub_not-a-key", "Origin", "https://docs.example.com"));
        cases.add(new Case("widget session: a secret-looking key", "POST", widget, JSON, "{}", 403, null,
                "X-Docent-Key", "dk_sec_" + "A".repeat(43), "Origin", "https://docs.example.com"));
        cases.add(new Case("widget session: malformed JSON", "POST", widget, JSON, MALFORMED, 400, "body",
                "X-Docent-Key", "dk_pub_x", "Origin", "https://docs.example.com"));
        cases.add(new Case("widget session: visitor is an object", "POST", widget, JSON, "{\"visitor\":{}}", 400,
                "visitor", "X-Docent-Key", "dk_pub_x"));
        cases.add(new Case("widget session: GET", "GET", widget, null, null, 405, null));
        cases.add(new Case("widget session: 2 MB body", "POST", widget, JSON, HUGE, 413, null));
        return cases.stream();
    }

    /** A 400 naming {@code field}; JSON content type whenever there is a body. */
    private static Case bad(String name, String method, String path, String body, String field) {
        return new Case(name, method, path, body == null ? null : JSON, body, 400, field);
    }

}
