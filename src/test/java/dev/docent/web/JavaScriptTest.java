package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web app's JavaScript, checked from the Maven build: its unit tests
 * ({@code node --test src/test/js}) and ESLint ({@code eslint.config.js}). The app has no
 * build step, so Node.js is needed for these checks only: without it they are skipped,
 * saying what to install, the way the browser tests skip without Chromium. The linter,
 * and the Markdown tests' jsdom, come from {@code npm ci}.
 */
class JavaScriptTest {

    static final Optional<Path> NODE = node();

    private static final Path TESTS = Path.of("src/test/js");

    private static final Path ESLINT = Path.of("node_modules/eslint/bin/eslint.js");

    private static final long PATIENCE_SECONDS = 180;

    @Test
    void theUnitTestsPass() throws Exception {
        assumeTrue(NODE.isPresent(), "JavaScript unit tests skipped: no node on the PATH. Install Node.js 18 or "
                + "newer (sudo apt-get install nodejs npm), or set DOCENT_TEST_NODE to its executable");
        List<String> command = new ArrayList<>(List.of(NODE.get().toString(), "--test", "--test-reporter=spec"));
        try (Stream<Path> files = Files.list(TESTS)) {
            files.map(Path::toString).filter(name -> name.endsWith(".test.js")).sorted().forEach(command::add);
        }
        assertSucceeds(command);
    }

    @Test
    void theLinterFindsNothing() throws Exception {
        assumeTrue(NODE.isPresent() && Files.isRegularFile(ESLINT), "JavaScript lint skipped: "
                + (NODE.isPresent() ? "ESLint is not installed, run npm ci" : "no node on the PATH"));
        assertSucceeds(List.of(NODE.get().toString(), ESLINT.toString(), "--max-warnings=0"));
    }

    static void assertSucceeds(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("docent-js", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            process.getOutputStream().close();
            boolean exited = process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            String outcome = exited ? "failed" : "timed out";
            assertThat(exited && process.exitValue() == 0)
                .as("%s %s:%n%s", String.join(" ", command), outcome, Files.readString(output))
                .isTrue();
        }
        finally {
            Files.delete(output);
        }
    }

    private static Optional<Path> node() {
        String configured = System.getenv("DOCENT_TEST_NODE");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
            .filter(dir -> !dir.isBlank())
            .flatMap(dir -> Stream.of("node", "node.exe").map(name -> Path.of(dir, name)))
            .filter(Files::isExecutable)
            .findFirst();
    }

}
