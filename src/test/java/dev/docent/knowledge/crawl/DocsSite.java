package dev.docent.knowledge.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A published documentation site on loopback: serves a directory as a static server does
 * (ETag, Last-Modified, 304 for a conditional GET that matches), plus redirects a test
 * sets up, and records every request with its answer.
 */
public final class DocsSite implements AutoCloseable {

    /** A request the site answered. */
    public record Hit(String path, int status, boolean conditional) {
    }

    private final Path root;

    private final HttpServer server;

    private final ExecutorService executor = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("docs-site-", 0).daemon().factory());

    private final Map<String, String> redirects = new ConcurrentHashMap<>();

    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    public DocsSite(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** http://127.0.0.1:port followed by the path. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void redirect(String path, String location) {
        redirects.put(path, location);
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public void forget() {
        hits.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean conditional = exchange.getRequestHeaders().containsKey("If-None-Match")
                    || exchange.getRequestHeaders().containsKey("If-Modified-Since");
            String location = redirects.get(path);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                answer(exchange, path, 302, conditional, null);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                answer(exchange, path, 404, conditional, "not found".getBytes());
                return;
            }
            byte[] content = Files.readAllBytes(file);
            String etag = "\"" + sha256(content).substring(0, 16) + "\"";
            String modified = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC));
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", modified);
            exchange.getResponseHeaders().add("Content-Type", contentType(file));
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                answer(exchange, path, 304, conditional, null);
                return;
            }
            answer(exchange, path, 200, conditional, content);
        }
    }

    private void answer(HttpExchange exchange, String path, int status, boolean conditional, byte[] body)
            throws IOException {
        hits.add(new Hit(path, status, conditional));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".xml")) {
            return "application/xml";
        }
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
