package dev.docent.knowledge.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFetcherTest {

    @TempDir
    Path root;

    DocsSite site;

    PageFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(root.resolve("page.html"), "<html><body><h1>A page</h1></body></html>");
        Files.write(root.resolve("big.html"), new byte[20_000]);
        site = new DocsSite(root);
        fetcher = new PageFetcher(new AddressGuard(List.of("127.0.0.1")), Duration.ofSeconds(5), 10_000, 2);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
    }

    @Test
    void aPageComesWithItsValidatorsAndAConditionalGetAnswersNotModified() {
        PageFetcher.Page page = (PageFetcher.Page) fetch("/page.html", PageFetcher.Validators.NONE);

        assertThat(new String(page.body())).contains("A page");
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.etag()).isNotBlank();
        assertThat(fetch("/page.html", new PageFetcher.Validators(page.etag(), page.lastModified())))
            .isInstanceOf(PageFetcher.NotModified.class);
        assertThat(fetch("/gone.html", PageFetcher.Validators.NONE)).isEqualTo(new PageFetcher.Missing(404));
    }

    @Test
    void redirectsAreFollowedUpToTheLimitAndCheckedAtEveryHop() {
        site.redirect("/old.html", "/page.html");
        assertThat(fetch("/old.html", PageFetcher.Validators.NONE)).isInstanceOfSatisfying(PageFetcher.Page.class,
                page -> assertThat(page.url().getPath()).isEqualTo("/page.html"));

        site.redirect("/metadata.html", "http://169.254.169.254/latest/meta-data/");
        assertThat(fetch("/metadata.html", PageFetcher.Validators.NONE)).isInstanceOfSatisfying(
                PageFetcher.Failed.class,
                failed -> assertThat(failed.reason()).startsWith("redirected to a refused address")
                    .contains("link-local"));

        site.redirect("/v6.html", "http://[::1]:" + site.port() + "/page.html");
        assertThat(fetch("/v6.html", PageFetcher.Validators.NONE)).isInstanceOfSatisfying(PageFetcher.Failed.class,
                failed -> assertThat(failed.reason()).contains("loopback"));

        site.redirect("/a", "/b");
        site.redirect("/b", "/c");
        site.redirect("/c", "/page.html");
        assertThat(fetch("/a", PageFetcher.Validators.NONE)).isEqualTo(new PageFetcher.Failed("more than 2 redirects"));

        assertThat(fetcher.fetch(URI.create(site.url("/old.html")), PageFetcher.Validators.NONE,
                next -> !next.getPath().equals("/page.html")))
            .isInstanceOfSatisfying(PageFetcher.Failed.class,
                    failed -> assertThat(failed.reason()).startsWith("redirected out of the site's prefix"));
    }

    @Test
    void aPageLargerThanTheLimitIsNotRead() {
        assertThat(fetch("/big.html", PageFetcher.Validators.NONE))
            .isEqualTo(new PageFetcher.Failed("larger than 10000 bytes"));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsGivenUpOn() throws IOException {
        try (var silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                PageFetcher quick = new PageFetcher(new AddressGuard(List.of("127.0.0.1")), Duration.ofMillis(500),
                        10_000, 2)) {
            long start = System.nanoTime();
            PageFetcher.Result result = quick.fetch(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                    PageFetcher.Validators.NONE, url -> true);
            assertThat(result).isInstanceOf(PageFetcher.Failed.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private PageFetcher.Result fetch(String path, PageFetcher.Validators validators) {
        return fetcher.fetch(URI.create(site.url(path)), validators, url -> true);
    }

}
