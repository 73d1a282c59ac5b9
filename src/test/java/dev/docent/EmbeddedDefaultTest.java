package dev.docent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.ListeningSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default a newcomer gets from {@code ./mvnw spring-boot:run}: an H2 file
 * database and the in-process cache, nothing configured. (PostgreSQL behaviour is tested
 * against PostgreSQL elsewhere; this is the H2 deployment itself.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "docent.admin.username=embedded-admin", "docent.admin.password=" + EmbeddedDefaultTest.PASSWORD,
                "docent.knowledge.sample-docs=false" })
class EmbeddedDefaultTest {

    static final String PASSWORD = "embedded-admin-42";
    static final Path DATA = temporaryDirectory().resolve("data");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("docent.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void theWholeChatLifecycleWorksOnH2WithTheInProcessCache() {
        JsonNode health = new Api(port).login("embedded-admin", PASSWORD)
            .get("/actuator/health")
            .json()
            .get("components");
        assertThat(health.get("db").get("details").get("database").asString()).isEqualTo("H2");
        assertThat(health.get("cache").get("details").get("adapter").asString()).isEqualTo("in-process");

        Api api = new Api(port).newUser();
        String chatId = api.newChat("How do I reverse a list in Python?");
        for (int i = 0; i < 3; i++) {
            assertThat(
                    api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"follow-up " + i + "\"}").status())
                .isEqualTo(200);
        }
        String other = api.newChat("What is a decorator?");

        assertThat(api.get("/api/v1/chats/" + chatId).header("X-Cache")).isEqualTo("HIT");
        JsonNode page = api.get("/api/v1/chats?limit=1").json();
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(other);
        JsonNode next = api.get("/api/v1/chats?limit=1&cursor=" + page.get("nextCursor").asString()).json();
        assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(chatId);
        assertThat(next.get("nextCursor").isNull()).isTrue();

        JsonNode found = api.get("/api/v1/chats?q=REVERSE").json().get("items");
        assertThat(found).hasSize(1);
        assertThat(api.get("/api/v1/chats?q=100%25").json().get("items")).isEmpty();

        JsonNode older = api.get("/api/v1/chats/" + chatId + "/messages?before=5&limit=2").json();
        assertThat(older.get("items").get(0).get("seq").asInt()).isEqualTo(4);
        assertThat(older.get("nextBefore").asInt()).isEqualTo(3);

        assertThat(api.get("/api/v1/chats/" + chatId + "/export?format=markdown").body())
            .startsWith("# How do I reverse a list in Python?");

        JsonNode messages = api.get("/api/v1/chats/" + chatId).json().get("messages");
        String last = messages.get(messages.size() - 1).get("id").asString();
        String lastQuestion = messages.get(messages.size() - 2).get("id").asString();
        assertThat(api.post("/api/v1/chats/" + chatId + "/messages/" + last + "/regenerate", "").status())
            .isEqualTo(200);
        JsonNode edited = api
            .post("/api/v1/chats/" + chatId + "/messages/" + lastQuestion + "/versions", "{\"message\":\"edited\"}")
            .json()
            .get("messages")
            .get(0);
        assertThat(edited.get("versions")).hasSize(2);
        JsonNode back = api.post("/api/v1/chats/" + chatId + "/messages/" + lastQuestion + "/select", "").json();
        assertThat(back.get("messages").get(back.get("messages").size() - 1).get("versions")).hasSize(2);
        String token = api.post("/api/v1/chats/" + chatId + "/shares", "").json().get("token").asString();
        assertThat(new Api(port).get("/api/v1/shares/" + token).json().get("messages")).hasSize(8);

        assertThat(api.delete("/api/v1/chats/" + chatId).status()).isEqualTo(204);
        assertThat(new Api(port).get("/api/v1/shares/" + token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/chats/" + chatId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/chats").json().get("items")).hasSize(1);
    }

    /**
     * The H2 auto-server (the one-off commands reach a running embedded server's database
     * through it) listens on loopback only, with a password only the data directory's
     * owner can read; nothing in that directory is open to anyone else.
     */
    @Test
    void theDatabaseListensOnLoopbackOnlyAndTheDataDirectoryIsItsOwnersAlone() throws IOException {
        Properties lock = new Properties();
        try (var in = Files.newInputStream(DATA.resolve("db/docent.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        int databasePort = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

        assertThat(ListeningSockets.on(databasePort)).as(server).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        assertThat(ListeningSockets.on(port)).as("the HTTP port, for contrast").isNotEmpty();
        assertThat(Files.getPosixFilePermissions(DATA)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> paths = Files.walk(DATA)) {
            assertThat(paths.filter(path -> !ownerOnly(path)).map(DATA::relativize)).as("open to group or others")
                .isEmpty();
        }
        assertThat(DATA.resolve("db/docent.password")).exists();
    }

    /**
     * {@code java -jar docent.jar ingest}, in a JVM of its own, writes to the database
     * the running server serves.
     */
    @Test
    void ingestFromAnotherProcessReachesTheRunningServersDatabase() throws Exception {
        Path docs = Files.createDirectories(temporaryDirectory().resolve("guide"));
        Files.writeString(docs.resolve("tea.md"), "# Tea\n\n## Water\n\nGreen tea wants water at about 80 degrees.\n");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "-Ddocent.data-dir=" + DATA, DocentApplication.class.getName(),
                "ingest", "--slug", "tea", "--title", "Tea", docs.toString()));
        Process ingest = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(ingest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ingest.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(ingest.exitValue()).as(output).isZero();
        assertThat(new Api(port).newUser().get("/api/v1/documents").json().findValuesAsString("slug")).contains("tea");
    }

    private static boolean ownerOnly(Path path) {
        try {
            return Files.getPosixFilePermissions(path)
                .stream()
                .noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("docent-embedded");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
