package dev.docent.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

    @TempDir
    Path html;

    @BeforeEach
    void site() throws IOException {
        write("library/functools.html");
        write("tutorial/index.html");
        write("tutorial/.hidden.html");
        write(".git/config");
    }

    @Test
    void withOneDirectoryPathsAreRelativeToIt() {
        assertThat(SourceFiles.collect(List.of(html))).extracting(SourceFile::path)
            .containsExactly("library/functools.html", "tutorial/index.html");
    }

    @Test
    void withSeveralDirectoriesEachPathStartsWithItsDirectorysName() {
        assertThat(SourceFiles.collect(List.of(html.resolve("tutorial"), html.resolve("library"))))
            .extracting(SourceFile::path)
            .containsExactly("tutorial/index.html", "library/functools.html");
    }

    @Test
    void aBaseDirectoryCanBeNamed() {
        assertThat(SourceFiles.collect(html, List.of(html.resolve("library")))).extracting(SourceFile::path)
            .containsExactly("library/functools.html");
    }

    @Test
    void aFileIsAPageNamedByItsFileName() {
        assertThat(SourceFiles.collect(List.of(html.resolve("library/functools.html")))).extracting(SourceFile::path)
            .containsExactly("functools.html");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> SourceFiles.collect(List.of(html.resolve("nope"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("nope");
    }

    private void write(String path) throws IOException {
        Path file = html.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<p>" + path + "</p>");
    }

}
