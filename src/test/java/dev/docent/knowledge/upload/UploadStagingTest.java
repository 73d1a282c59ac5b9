package dev.docent.knowledge.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docent.knowledge.ingest.SourceFile;
import dev.docent.shared.Problem;
import dev.docent.support.Zips;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class UploadStagingTest {

    private static final UploadStaging.Limits LIMITS = new UploadStaging.Limits(1_000_000, 10);

    @TempDir
    Path root;

    @Test
    void filesAndZipEntriesAreStagedUnderTheirPaths() throws IOException {
        Path job = Files.createDirectory(root.resolve("job"));
        byte[] zip = Zips.ofText(Map.of("guide/intro.md", "# Intro\n\nHello.", "guide/api/auth.md", "# Auth"));

        List<SourceFile> staged = stage(job, upload("notes.txt", "plain notes"), upload("docs.zip", zip));

        assertThat(staged).extracting(SourceFile::path)
            .containsExactlyInAnyOrder("notes.txt", "guide/intro.md", "guide/api/auth.md");
        assertThat(new String(
                staged.stream().filter(file -> file.path().equals("guide/intro.md")).findFirst().orElseThrow().read(),
                StandardCharsets.UTF_8))
            .isEqualTo("# Intro\n\nHello.");
        assertThat(job.resolve("guide/api/auth.md")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = { "../evil.md", "a/../../evil.md", "/etc/passwd", "C:/evil.md", "a\\..\\..\\evil.md",
            "a//b.md", "./a.md", "bad\u0000name.md" })
    void aZipEntryThatWouldLeaveTheUploadIsRefused(String name) throws IOException {
        Path job = Files.createDirectory(root.resolve("job"));

        assertThatThrownBy(() -> stage(job, upload("docs.zip", Zips.ofText(Map.of(name, "x")))))
            .isInstanceOfSatisfying(Problem.class, problem -> {
                assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(problem.errors()).extracting(Problem.FieldProblem::field).containsExactly("files");
            });
        try (var left = Files.walk(root)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aCorruptZipIsCalledCorruptNotEmpty() throws IOException {
        Path job = Files.createDirectory(root.resolve("job"));
        byte[] zip = Zips.ofText(Map.of("guide/intro.md", "# Intro"));
        byte[] headless = java.util.Arrays.copyOfRange(zip, 7, zip.length);

        assertThatThrownBy(() -> stage(job, upload("site.zip", headless))).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.errors().get(0).message())
                    .isEqualTo("site.zip is corrupt or not a zip archive: it cannot be opened"));
        assertThatThrownBy(() -> stage(job, upload("notes.zip", "just text".getBytes(StandardCharsets.UTF_8))))
            .hasMessageContaining("notes.zip is corrupt or not a zip archive");
    }

    @Test
    void aZipBombStopsAtTheLimitWhateverItsHeadersSay() throws IOException {
        Path job = Files.createDirectory(root.resolve("job"));
        byte[] bomb = Zips.ofText(Map.of("zeros.txt", "0".repeat(5_000_000)));
        assertThat(bomb.length).isLessThan(50_000);

        assertThatThrownBy(() -> stage(job, upload("bomb.zip", bomb))).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThat(Files.size(job.resolve("zeros.txt"))).isLessThanOrEqualTo(LIMITS.maxUnpackedBytes());
    }

    @Test
    void tooManyFilesAreRefused() throws IOException {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("page" + i + ".md", "# Page " + i);
        }
        Path job = Files.createDirectory(root.resolve("job"));

        assertThatThrownBy(() -> stage(job, upload("many.zip", Zips.ofText(many)))).isInstanceOfSatisfying(
                Problem.class, problem -> assertThat(problem.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }

    @Test
    void twoFilesWithOnePathAreRefused() throws IOException {
        Path job = Files.createDirectory(root.resolve("job"));

        assertThatThrownBy(() -> stage(job, upload("a.md", "one"), upload("a.md", "two"))).isInstanceOf(Problem.class)
            .hasMessageContaining("same path");
    }

    @Test
    void somethingThatIsNotAZipIsABadRequest() throws IOException {
        Path job = Files.createDirectory(root.resolve("job"));

        assertThatThrownBy(() -> stage(job, upload("docs.zip", "this is not a zip archive at all")))
            .isInstanceOfSatisfying(Problem.class,
                    problem -> assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void macOsClutterInAZipIsLeftOut() throws IOException {
        Path job = Files.createDirectory(root.resolve("job"));
        byte[] zip = Zips.ofText(Map.of("guide.md", "# Guide", "__MACOSX/._guide.md", "junk", ".DS_Store", "junk"));

        assertThat(stage(job, upload("docs.zip", zip))).extracting(SourceFile::path).containsExactly("guide.md");
    }

    private static List<SourceFile> stage(Path job, Uploads.UploadedFile... uploads) {
        return new UploadStaging(LIMITS).stage(job, List.of(uploads));
    }

    private static Uploads.UploadedFile upload(String name, String content) {
        return upload(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Uploads.UploadedFile upload(String name, byte[] content) {
        return new Uploads.UploadedFile(name, new ByteArrayInputStream(content));
    }

}
