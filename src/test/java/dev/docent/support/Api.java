package dev.docent.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for end-to-end tests: real requests to the running server. */
public final class Api {

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    private String token;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Api as(String accessToken) {
        return new Api(base, accessToken);
    }

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs up and logs in a fresh user; this client then acts as that user. */
    public Api newUser() {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Response signup = post("/api/v1/auth/signup",
                "{\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}");
        if (signup.status() != 201) {
            throw new IllegalStateException("signup failed: " + signup.status() + " " + signup.body());
        }
        Response login = post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}");
        return new Api(base, login.json().get("accessToken").asString());
    }

    /**
     * Logs in an existing user; this client then acts as that user. Failed logins are
     * limited per client address (all tests come from 127.0.0.1) and per username in the
     * one Redis all test contexts share, so a 429 is waited out as a person would.
     */
    public Api login(String username, String password) {
        String body = "{\"username\":" + JSON.writeValueAsString(username) + ",\"password\":"
                + JSON.writeValueAsString(password) + "}";
        Response login = post("/api/v1/auth/login", body);
        for (int retries = 0; login.status() == 429 && retries < 5; retries++) {
            try {
                Thread.sleep(Duration.ofSeconds(Long.parseLong(login.header("Retry-After"))));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            login = post("/api/v1/auth/login", body);
        }
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
        }
        return new Api(base, login.json().get("accessToken").asString());
    }

    /**
     * Posts a multipart/form-data form: text fields, then files (each part named
     * {@code filePart}).
     */
    public Response upload(String path, java.util.Map<String, String> fields, String filePart,
            java.util.Map<String, byte[]> files) {
        String boundary = "docent-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(utf8)));
        files.forEach((name, content) -> {
            body.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\""
                            + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(utf8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(utf8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
    }

    /**
     * As an admin: uploads a document set and waits for its ingest; returns the
     * document's id.
     */
    public String ingest(String slug, String title, java.util.Map<String, String> files) {
        return ingest(slug, title, null, files);
    }

    /**
     * As {@link #ingest(String, String, java.util.Map)}, with the base URL citations link
     * to (null for none).
     */
    public String ingest(String slug, String title, String baseUrl, java.util.Map<String, String> files) {
        java.util.Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(
                java.util.Map.of("slug", slug, "title", title));
        fields.put("update", "true"); // a helper that makes the set hold these files, new
                                      // or not
        if (baseUrl != null) {
            fields.put("baseUrl", baseUrl);
        }
        Response accepted = upload("/api/v1/documents", fields, "files", bytes);
        if (accepted.status() != 202) {
            throw new IllegalStateException("upload failed: " + accepted.status() + " " + accepted.body());
        }
        String job = accepted.json().get("jobId").asString();
        JsonNode done = Eventually.await(Duration.ofSeconds(60), () -> get("/api/v1/ingestions/" + job).json(),
                state -> !java.util.List.of("QUEUED", "RUNNING").contains(state.get("state").asString()));
        if (!done.get("state").asString().equals("DONE")) {
            throw new IllegalStateException("ingest failed: " + done);
        }
        return done.get("documentId").asString();
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    public Response postWith(String path, String json, String... headers) {
        return send(request(path).header("Content-Type", "application/json")
            .headers(headers)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    public Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    /** Posts JSON asking for server-sent events; the events are read as they arrive. */
    public SseStream stream(String path, String json) {
        return SseStream.open(request(path).header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    /** Starts a GENERAL chat and returns its id. */
    public String newChat(String message) {
        Response created = post("/api/v1/chats",
                "{\"message\":" + JSON.writeValueAsString(message) + ",\"category\":\"GENERAL\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("chat creation failed: " + created.status() + " " + created.body());
        }
        return created.json().get("chat").get("id").asString();
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public HttpClient http() {
        return http;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
