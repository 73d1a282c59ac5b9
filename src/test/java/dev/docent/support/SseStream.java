package dev.docent.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A server-sent event stream read as it arrives: a reader thread parses the body line by
 * line and hands each event over as soon as its blank line is seen. Each stream has an
 * HTTP client of its own, so that {@link #close()} really drops the connection, as a
 * browser tab that goes away does. A response that is not a stream (a problem before the
 * first event) is read whole and kept as {@link #response()}.
 */
public final class SseStream implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(10);

    public record Event(String name, String data) {

        public JsonNode json() {
            return Api.JSON.readTree(data);
        }
    }

    /** What the queue holds once the body has ended (or failed), after the last event. */
    private record End(IOException failure) {
    }

    private final HttpClient http;

    private final HttpResponse<InputStream> response;

    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();

    private final String body;

    private boolean ended;

    private SseStream(HttpClient http, HttpResponse<InputStream> response) throws IOException {
        this.http = http;
        this.response = response;
        if (isStream()) {
            this.body = null;
            Thread.ofVirtual().name("sse-reader").start(this::read);
        }
        else {
            try (InputStream in = response.body()) {
                this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Sends the request and returns once the response headers are in. */
    public static SseStream open(HttpRequest request) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return new SseStream(http, http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        }
        catch (IOException e) {
            http.shutdownNow();
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            http.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public boolean isStream() {
        return response.statusCode() == 200 && response.headers()
            .firstValue("Content-Type")
            .filter(type -> type.startsWith("text/event-stream"))
            .isPresent();
    }

    /** The whole response, when it is not a stream. */
    public Api.Response response() {
        if (body == null) {
            throw new AssertionError("the response is an event stream, not a single body");
        }
        return new Api.Response(response.statusCode(), body, response.headers());
    }

    /** The next event, waiting at most {@link #PATIENCE}. */
    public Event next() {
        return next(PATIENCE);
    }

    /**
     * The next event; fails when none arrives within {@code patience} or when the stream
     * has ended.
     */
    public Event next(Duration patience) {
        Object next = take(patience);
        if (next instanceof Event event) {
            return event;
        }
        throw new AssertionError("the stream ended without a further event" + failure(next));
    }

    /** The next event, which must be named {@code name}. */
    public Event next(String name) {
        Event event = next();
        if (!event.name().equals(name)) {
            throw new AssertionError("expected event '" + name + "' but got " + event);
        }
        return event;
    }

    /**
     * Every event still to come, up to the end of the stream, which must come within
     * {@link #PATIENCE}.
     */
    public List<Event> rest() {
        List<Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Object next = take(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (next instanceof Event event) {
                events.add(event);
            }
            else {
                return events;
            }
        }
    }

    /** Drops the connection, as a client that goes away. */
    @Override
    public void close() {
        try {
            response.body().close();
        }
        catch (IOException ignored) {
            // going away anyway
        }
        http.shutdownNow();
    }

    private Object take(Duration patience) {
        if (ended) {
            throw new AssertionError("the stream has already ended");
        }
        try {
            Object next = arrivals.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no event within " + patience);
            }
            ended = next instanceof End;
            return next;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String failure(Object end) {
        return end instanceof End(IOException failure) && failure != null ? ": " + failure : "";
    }

    /**
     * Parses the body as the SSE specification says: fields up to a blank line make an
     * event.
     */
    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = null;
            for (String line; (line = in.readLine()) != null;) {
                if (line.isEmpty()) {
                    if (data != null) {
                        arrivals.add(new Event(name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                if (field.equals("event")) {
                    name = value;
                }
                else if (field.equals("data")) {
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            arrivals.add(new End(null));
        }
        catch (IOException e) {
            arrivals.add(new End(e));
        }
    }

}
