package dev.docent.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a document set to ingest.
 *
 * @param path its path inside the document set, with {@code /} separators: it names the
 * page in citations
 * @param content reads its bytes when the ingest gets to it
 * @param format how to read it ({@code html}, {@code md}, {@code txt}, {@code pdf}) when
 * its path does not say, as a published page's address often does not; null to go by the
 * path's extension
 */
public record SourceFile(String path, Content content, String format) {

    public SourceFile(String path, Content content) {
        this(path, content, null);
    }

    @FunctionalInterface
    public interface Content {

        byte[] read() throws IOException;

    }

    public static SourceFile of(String path, Path file) {
        return new SourceFile(path, () -> Files.readAllBytes(file));
    }

    public byte[] read() throws IOException {
        return content.read();
    }
}
