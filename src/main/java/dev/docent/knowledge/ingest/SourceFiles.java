package dev.docent.knowledge.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a document set given on the command line. With one directory, page paths
 * are relative to it; with several, each path starts with its directory's name (so
 * {@code html/library html/tutorial} gives {@code library/…} and {@code tutorial/…}). A
 * file given by name is a page named by its file name. Hidden files and directories are
 * left out.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    public static List<SourceFile> collect(List<Path> sources) {
        return collect(null, sources);
    }

    /**
     * Paths relative to {@code base}, which holds all the sources; null to choose as
     * {@link #collect(List)}.
     */
    public static List<SourceFile> collect(Path base, List<Path> sources) {
        List<SourceFile> files = new ArrayList<>();
        for (Path source : sources) {
            Path absolute = source.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new IllegalArgumentException("No such file or directory: " + source);
            }
            if (Files.isRegularFile(absolute)) {
                files.add(SourceFile.of(absolute.getFileName().toString(), absolute));
                continue;
            }
            Path root = base != null ? base.toAbsolutePath().normalize()
                    : sources.size() == 1 || absolute.getParent() == null ? absolute : absolute.getParent();
            try (Stream<Path> walk = Files.walk(absolute)) {
                walk.filter(Files::isRegularFile)
                    .filter(path -> !hidden(absolute, path))
                    .sorted()
                    .forEach(path -> files
                        .add(SourceFile.of(root.relativize(path).toString().replace('\\', '/'), path)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static boolean hidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

}
