package dev.docent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cause of the wedged cold starts (decision 0007): a virtual thread that loads a
 * class from the packaged jar pins its carrier while it waits for the jar's lock, and
 * when every carrier is pinned so, the thread holding that lock — the first-start ingest,
 * the embedding model's load — has none left to run on, and neither has a request. Here
 * the one carrier of a forked JVM is pinned for good: the start, its background work,
 * requests and SIGTERM must all get done without it.
 */
class PinnedCarrierTest {

    private static final int PATIENCE_SECONDS = 240;

    private static final int STOP_SECONDS = 40;

    @TempDir
    Path dir;

    @Test
    void startsAnswersIngestsAndStopsWhileEveryVirtualThreadCarrierIsPinned() throws Exception {
        Path log = dir.resolve("app.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process app = new ProcessBuilder(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1", "-cp", System.getProperty("java.class.path"),
                PinnedCarrierStart.class.getName(), dir.resolve("data").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        try {
            assertThat(await(log, PinnedCarrierStart.CHECKED, "Ingested the sample documents"))
                .as("the app answered and ingested the guide within %d s; its log ended with:%n%s", PATIENCE_SECONDS,
                        tail(log))
                .isTrue();
            app.destroy();
            assertThat(app.waitFor(STOP_SECONDS, TimeUnit.SECONDS))
                .as("the app stopped within %d s of SIGTERM; its log ended with:%n%s", STOP_SECONDS, tail(log))
                .isTrue();
        }
        finally {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean await(Path log, String... lines) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            if (Stream.of(lines).allMatch(text::contains)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

}
