package dev.docent.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The data directory holds the embedded database and its password, the generated JWT key,
 * the search index and staged uploads: it is made its owner's alone (0700, nothing in it
 * open to group or others) at every start, before anything is written to it, and once
 * more when the start is done, for what was created meanwhile with the process's umask
 * (H2's lock file, the index; a new data directory is created 0700 with the database's
 * password file). Also keeps H2's auto-server, through which the one-off commands reach
 * the database of a running embedded server, on the loopback interface: H2 binds it to
 * every interface otherwise.
 */
public final class DataDirectory implements EnvironmentPostProcessor, Ordered {

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Log log;

    DataDirectory(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectory.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        ownerOnly(environment);
        // test frameworks and initializers may add the setting after this point: read it
        // again
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> ownerOnly(
                ready.getApplicationContext().getEnvironment()));
    }

    /**
     * After the configuration files are read, so that {@code docent.data-dir} is known.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * What is there already; what the start creates in a new directory is closed when the
     * start is done.
     */
    private void ownerOnly(Environment environment) {
        Path directory = Path.of(environment.getProperty("docent.data-dir", "./data"));
        if (!Files.isDirectory(directory)
                || !directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.forEach(DataDirectory::closeToOthers);
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("Could not make the data directory " + directory + " its owner's alone: " + e);
        }
    }

    private static void closeToOthers(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.removeAll(OPEN_TO_OTHERS)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
