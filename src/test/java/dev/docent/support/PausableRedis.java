package dev.docent.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A private {@code redis-server} process that a test can really pause (SIGSTOP: data
 * kept, connections open, nothing answered) and resume (SIGCONT), as a fork for a
 * snapshot, a VM freeze or a network stall would. The binary is {@code redis-server} on
 * the PATH, or the one named by {@code DOCENT_TEST_REDIS_SERVER}.
 */
public final class PausableRedis implements AutoCloseable {

    private final Process process;

    private final int port;

    private PausableRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts one on the first free port of {@code [from, to]}. */
    public static PausableRedis start(int from, int to) {
        for (int port = from; port <= to; port++) {
            if (free(port)) {
                return start(port);
            }
        }
        throw new IllegalStateException("no free port for a private Redis in " + from + "-" + to);
    }

    private static PausableRedis start(int port) {
        String binary = System.getenv().getOrDefault("DOCENT_TEST_REDIS_SERVER", "redis-server");
        try {
            Process process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
            PausableRedis redis = new PausableRedis(process, port);
            Eventually.await(Duration.ofSeconds(10), redis::answers, Boolean::booleanValue);
            return redis;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + "; set DOCENT_TEST_REDIS_SERVER", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void pause() {
        signal("STOP");
    }

    public void resume() {
        signal("CONT");
    }

    @Override
    public void close() {
        resume();
        process.destroy();
        try {
            process.waitFor();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " failed with " + exit);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read() == '+';
        }
        catch (IOException e) {
            return false;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

}
