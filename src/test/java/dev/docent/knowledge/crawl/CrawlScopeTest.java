package dev.docent.knowledge.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrawlScopeTest {

    private final CrawlScope scope = CrawlScope.of(URI.create("https://docs.python.org/3/tutorial/index.html"));

    private final URI page = URI.create("https://docs.python.org/3/tutorial/index.html");

    @Test
    void theScopeIsTheStartPagesDirectoryOnItsHost() {
        assertThat(scope.url()).isEqualTo("https://docs.python.org/3/tutorial/");
        assertThat(scope.page(page, "venv.html#creating"))
            .contains(URI.create("https://docs.python.org/3/tutorial/venv.html"));
        assertThat(scope.page(page, "./sub/../appetite.html"))
            .contains(URI.create("https://docs.python.org/3/tutorial/appetite.html"));
        assertThat(scope.page(page, "../library/index.html")).isEmpty();
        assertThat(scope.page(page, "https://docs.python.org:8443/3/tutorial/x.html")).isEmpty();
        assertThat(scope.page(page, "http://docs.python.org/3/tutorial/x.html")).isEmpty();
        assertThat(scope.page(page, "https://evil.example/3/tutorial/x.html")).isEmpty();
        assertThat(scope.page(page, "search.html?q=x")).isEmpty();
        assertThat(scope.page(page, "mailto:docs@python.org")).isEqualTo(Optional.empty());
    }

    @Test
    void aPagesPathIsItsPathBelowThePrefix() {
        assertThat(scope.pathOf(URI.create("https://docs.python.org/3/tutorial/venv.html"))).isEqualTo("venv.html");
        assertThat(scope.pathOf(URI.create("https://docs.python.org/3/tutorial/"))).isEqualTo("index.html");
        assertThat(scope.pathOf(URI.create("https://docs.python.org/3/tutorial/guide/"))).isEqualTo("guide/index.html");
        assertThat(scope.pathOf(URI.create("https://docs.python.org/3/tutorial/a%20b.html"))).isEqualTo("a b.html");
    }

}
