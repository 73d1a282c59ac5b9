package dev.docent.knowledge.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A slice of the Python documentation's HTML, copied at test time from where the
 * machine's eval corpus says it is (never committed), laid out as docs.python.org does
 * under {@code /3/}.
 */
final class PythonDocsSlice {

    static final String CORPUS_SCRIPT = "/work/shared/eval/corpus.sh";

    static final String FALLBACK = "/usr/share/doc/python3.11/html";

    /** Small tutorial pages, so their embedding stays quick. */
    static final List<String> TUTORIAL = List.of("index.html", "appetite.html", "interpreter.html", "whatnow.html",
            "interactive.html", "venv.html", "classes.html");

    private PythonDocsSlice() {
    }

    /**
     * Copies the slice under {@code site}: {@code 3/tutorial/…} and one page outside it.
     */
    static void copyTo(Path site) throws IOException {
        Path html = pythonHtml();
        Path tutorial = Files.createDirectories(site.resolve("3/tutorial"));
        for (String page : TUTORIAL) {
            Files.copy(html.resolve("tutorial").resolve(page), tutorial.resolve(page));
        }
        Files.createDirectories(site.resolve("3/library"));
        Files.copy(html.resolve("library/index.html"), site.resolve("3/library/index.html"));
    }

    private static Path pythonHtml() throws IOException {
        Path script = Path.of(CORPUS_SCRIPT);
        if (Files.isRegularFile(script)) {
            Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            for (String line : out.split("\n")) {
                String[] fields = line.split("\t");
                if (fields.length >= 2 && fields[0].equals("python") && Files.isDirectory(Path.of(fields[1]))) {
                    return Path.of(fields[1]);
                }
            }
        }
        Path fallback = Path.of(FALLBACK);
        if (Files.isDirectory(fallback.resolve("tutorial"))) {
            return fallback;
        }
        throw new IllegalStateException("The Python documentation's HTML is needed (apt-get install python3-doc, "
                + "or a corpus at " + CORPUS_SCRIPT + ")");
    }

}
