package dev.docent.knowledge.upload;

import dev.docent.knowledge.ingest.SourceFile;
import dev.docent.shared.Problem;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Copies uploaded files, unpacking zips, into a job's own directory before the ingest
 * reads them. Nothing outside that directory can be written: entry names are checked (no
 * absolute paths, no {@code ..}, no drive letters), and the amount written is counted as
 * it is written, so a zip bomb stops at the limit whatever its headers claim.
 */
final class UploadStaging {

    record Limits(long maxUnpackedBytes, int maxFiles) {
    }

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[^\\x00-\\x1F\\x7F/\\\\:*?\"<>|]{1,255}");

    private final Limits limits;

    private long written;

    private int files;

    UploadStaging(Limits limits) {
        this.limits = limits;
    }

    /**
     * @throws Problem 400 for a bad name or archive, 413 for too much content
     */
    List<SourceFile> stage(Path directory, List<Uploads.UploadedFile> uploads) {
        List<SourceFile> staged = new ArrayList<>();
        try {
            for (Uploads.UploadedFile upload : uploads) {
                String name = safePath(upload.fileName());
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    unzip(directory, name, upload.content(), staged);
                }
                else {
                    staged.add(copy(directory, name, upload.content()));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (staged.isEmpty()) {
            throw Problem.invalid("files", "the upload holds no files");
        }
        return staged;
    }

    private void unzip(Path directory, String name, InputStream upload, List<SourceFile> staged) throws IOException {
        BufferedInputStream content = new BufferedInputStream(upload);
        if (!startsLikeAZip(content)) {
            // ZipInputStream reads anything else as an archive with no entries
            throw Problem.invalid("files", name + " is corrupt or not a zip archive: it cannot be opened");
        }
        try (ZipInputStream zip = new ZipInputStream(content)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory() || ignored(entry.getName())) {
                    continue;
                }
                staged.add(copy(directory, safePath(entry.getName()), zip));
            }
        }
        catch (ZipException | EOFException e) {
            throw Problem.invalid("files", name + " is corrupt: it is not a readable zip archive"
                    + (e.getMessage() == null ? " (it ends too soon)" : " (" + e.getMessage() + ")"));
        }
    }

    /** A zip starts with a local file header, or with the end record when it is empty. */
    private static boolean startsLikeAZip(BufferedInputStream content) throws IOException {
        content.mark(4);
        byte[] head = content.readNBytes(4);
        content.reset();
        return head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }

    private SourceFile copy(Path directory, String name, InputStream content) throws IOException {
        if (++files > limits.maxFiles()) {
            throw tooLarge("more than " + limits.maxFiles() + " files");
        }
        Path target = directory.resolve(name).normalize();
        if (!target.startsWith(directory)) {
            throw Problem.invalid("files", "a file name leaves the upload: " + name);
        }
        if (Files.exists(target)) {
            throw Problem.invalid("files", "two files have the same path: " + name);
        }
        try {
            Files.createDirectories(target.getParent());
        }
        catch (FileSystemException e) {
            // a zip may hold a file (or a symbolic link, which is unpacked as a file) and
            // entries under the same path
            throw Problem.invalid("files", "a file and a folder have the same path: " + name);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = read(content, buffer, name)) != -1) {
                written += read;
                if (written > limits.maxUnpackedBytes()) {
                    throw tooLarge("more than " + limits.maxUnpackedBytes() + " bytes once unpacked");
                }
                out.write(buffer, 0, read);
            }
        }
        return SourceFile.of(name, target);
    }

    /**
     * Reads the upload; a failure here is the archive's (truncated, corrupt), unlike a
     * failure to write the copy.
     */
    private static int read(InputStream content, byte[] buffer, String name) {
        try {
            return content.read(buffer);
        }
        catch (IOException e) {
            throw Problem.invalid("files", name + " cannot be unpacked (" + e.getMessage() + ")");
        }
    }

    /**
     * Archive clutter that is never documentation: macOS resource forks and folder
     * metadata.
     */
    private static boolean ignored(String entryName) {
        String name = entryName.replace('\\', '/');
        return name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store") || name.equals(".DS_Store");
    }

    /** A relative path of plain segments, with {@code /} separators. */
    static String safePath(String name) {
        if (name == null || name.isBlank()) {
            throw Problem.invalid("files", "every file needs a name");
        }
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.length() > 1000) {
            throw Problem.invalid("files", "not a relative file path: " + name);
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || !SAFE_SEGMENT.matcher(segment).matches()) {
                throw Problem.invalid("files", "not a safe file path: " + name);
            }
        }
        return path;
    }

    private static Problem tooLarge(String what) {
        return Problem.tooLarge("upload-too-large", "Upload too large", "The upload holds " + what + ".");
    }

}
