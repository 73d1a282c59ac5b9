package dev.docent.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches every command a Redis server receives (MONITOR), to count the round trips a
 * request costs. Commands run inside Lua scripts are reported by Redis with a "lua"
 * source and are not round trips.
 */
public final class RedisMonitor implements AutoCloseable {

    private final Socket socket;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private final Thread reader;

    public RedisMonitor(String redisUrl) {
        try {
            URI uri = URI.create(redisUrl);
            socket = new Socket(uri.getHost(), uri.getPort());
            OutputStream out = socket.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (!"+OK".equals(in.readLine())) {
                throw new IllegalStateException("MONITOR refused");
            }
            reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (String line; (line = in.readLine()) != null;) {
                        lines.add(line);
                    }
                }
                catch (IOException closed) {
                    // monitor closed
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Client commands (not script-internal ones) that mention {@code text}, seen so far.
     */
    public List<String> clientCommandsMentioning(String text) {
        return lines.stream().filter(l -> l.contains(text)).filter(l -> !l.contains(" lua]")).toList();
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

}
