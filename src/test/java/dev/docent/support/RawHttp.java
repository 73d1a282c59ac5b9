package dev.docent.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written byte by byte, for what a well-behaved client will not send: raw bytes
 * in a header, or a body announced in full but only partly sent, to see whether the
 * server answers before reading it.
 */
public final class RawHttp {

    public record Answer(int status, String text) {

        /**
         * The problem+json body (the first JSON object in the answer, whatever the
         * transfer encoding).
         */
        public String json() {
            int start = text.indexOf('{');
            return start < 0 ? "" : text.substring(start, text.lastIndexOf('}') + 1);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends the request head (its lines, each ending in CRLF, without the blank line that
     * ends it) and the first {@code sent} bytes of a body of {@code announced} bytes,
     * then waits at most {@code patience} milliseconds for the answer.
     * @return the answer, or null when none came in time
     */
    public static Answer send(int port, byte[] head, long announced, int sent, int patience) {
        return send(port, head, announced, new byte[sent], patience);
    }

    /**
     * Sends the request head and the whole body, and waits at most {@code patience}
     * milliseconds for the answer.
     */
    public static Answer send(int port, byte[] head, byte[] body, int patience) {
        return send(port, head, body.length, body, patience);
    }

    private static Answer send(int port, byte[] head, long announced, byte[] sent, int patience) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(patience);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(("Content-Length: " + announced + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.write(sent);
            out.flush();
            return read(socket.getInputStream());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the head and the body its Content-Length announces: the server may still be
     * swallowing what was sent.
     */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (!complete(received.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) != -1) {
                received.write(buffer, 0, n);
            }
        }
        catch (SocketTimeoutException e) {
            if (received.size() == 0) {
                return null;
            }
        }
        String text = received.toString(StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher length = CONTENT_LENGTH.matcher(text.substring(0, end));
        return length.find() && text.length() >= end + 4 + Integer.parseInt(length.group(1));
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

}
