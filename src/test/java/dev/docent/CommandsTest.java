package dev.docent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docent.support.Api;
import dev.docent.support.Eventually;
import dev.docent.support.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The one-off commands as a user runs them
 * ({@code java -jar docent.jar ingest|reindex …}), against a real PostgreSQL database,
 * and a server on the same database that answers from what they stored.
 */
class CommandsTest {

    @TempDir
    Path data;

    @TempDir
    Path docs;

    private final Map<String, String> saved = new HashMap<>();

    private String databaseUrl;

    @BeforeEach
    void database() throws IOException {
        databaseUrl = TestServices.freshDatabaseUrl();
        setting("docent.db.url", databaseUrl);
        setting("docent.db.user", "postgres");
        setting("docent.data-dir", data.toString());
        setting("docent.jwt.secret", "commands-test-secret-0123456789-0123456789");
        Files.createDirectories(docs.resolve("guide"));
        Files.writeString(docs.resolve("guide/tea.md"), """
                # Brewing tea

                ## Water temperature

                Green tea wants water at about 80 degrees Celsius; boiling water makes it bitter.
                """);
        Files.writeString(docs.resolve("guide/bread.md"), """
                # Sourdough

                ## Feeding the starter

                Feed the sourdough starter every day with equal weights of flour and water.
                """);
        Files.write(docs.resolve("guide/logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 });
    }

    @AfterEach
    void restore() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            }
            else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void ingestStoresTheSetReportsWhatItDidAndAServerAnswersFromIt() throws Exception {
        Output first = run("ingest", "--slug", "household", "--title", "Household", docs.resolve("guide").toString());

        assertThat(first.code()).as(first.text()).isZero();
        assertThat(first.stdout()).contains("Ingested \"Household\" (household)")
            .contains("2 pages (2 new or changed, 0 unchanged, 0 removed)")
            .contains("Skipped 1 file(s):")
            .contains("logo.png: unsupported file type");
        assertThat(first.stderr()).contains("Ingesting household").contains("pages");

        Files.writeString(docs.resolve("guide/bread.md"), "# Sourdough\n\n## Feeding\n\nFeed it twice a day.\n");
        Files.delete(docs.resolve("guide/logo.png"));
        Output second = run("ingest", "--slug", "household", "--title", "Household", docs.resolve("guide").toString());
        assertThat(second.stdout()).contains("2 pages (1 new or changed, 1 unchanged, 0 removed)");

        ConfigurableApplicationContext server = server();
        try {
            Api api = new Api(((WebServerApplicationContext) server).getWebServer().getPort()).newUser();
            JsonNode hits = Eventually.await(Duration.ofSeconds(30),
                    () -> api.get("/api/v1/search?q=green+tea+water+temperature").json(), found -> !found.isEmpty());
            assertThat(hits.get(0).get("page").asString()).isEqualTo("tea.md");
            assertThat(api.get("/api/v1/documents").json().get(0).get("pageCount").asInt()).isEqualTo(2);
        }
        finally {
            server.close();
        }
    }

    @Test
    void badArgumentsAreAUsageErrorNamingWhatIsWrong() throws Exception {
        Output badSlug = run("ingest", "--slug", "Not A Slug", "--title", "X", docs.toString());
        assertThat(badSlug.code()).isEqualTo(2);
        assertThat(badSlug.stderr()).contains("slug");

        Output missing = run("ingest", "--title", "X", docs.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--slug");

        Output noDirectory = run("ingest", "--slug", "x", "--title", "X", docs.resolve("nope").toString());
        assertThat(noDirectory.code()).isEqualTo(2);
        assertThat(noDirectory.stderr()).contains("No such file or directory");
    }

    @Test
    void anotherEmbeddingModelStopsTheStartUntilAReindex() throws Exception {
        assertThat(run("ingest", "--slug", "household", "--title", "Household", docs.toString()).code()).isZero();
        server().close();
        setting("docent.embedding.model", "bge-small-en-v15-q");

        assertThatThrownBy(this::server).hasStackTraceContaining(
                "The search index was built with the embedding model 'all-minilm-l6-v2-q' but DOCENT_EMBEDDING_MODEL "
                        + "selects 'bge-small-en-v15-q': run `java -jar docent.jar reindex`");

        Output reindex = run("reindex");
        assertThat(reindex.code()).as(reindex.text()).isZero();
        assertThat(reindex.stdout()).contains("Re-embedded 2 passages of 1 document set(s) with bge-small-en-v15-q");
        ConfigurableApplicationContext server = server();
        try {
            Api api = new Api(((WebServerApplicationContext) server).getWebServer().getPort()).newUser();
            assertThat(api.get("/api/v1/search?q=sourdough+starter").json().get(0).get("page").asString())
                .isEqualTo("guide/bread.md");
        }
        finally {
            server.close();
        }
    }

    private ConfigurableApplicationContext server() {
        return new SpringApplicationBuilder(DocentApplication.class).run("--server.port=0",
                "--docent.knowledge.sample-docs=false");
    }

    private void setting(String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    record Output(int code, String stdout, String stderr) {
        String text() {
            return stdout + "\n" + stderr;
        }
    }

    private static Output run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = DocentApplication.runCommand(new ArrayList<>(List.of(args)).toArray(String[]::new));
            return new Output(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        }
        finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

}
