package dev.docent.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.docent.support.Api;
import dev.docent.support.Browser;
import dev.docent.support.DocentTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The widget on a documentation site served from another origin (another port): a visitor
 * asks and sees a streamed, cited answer; the conversation survives a reload; its
 * citation opens the cited page of the site, where the conversation is still there;
 * {@code data-document="*"} answers from every set; a page whose origin the key does not
 * allow is refused; the host page's aggressive CSS and strict CSP change nothing.
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=widgetowner", "docent.admin.password=open-sesame-1234" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest {

    static final String TEA = """
            # Brewing tea

            ## Green tea

            Green tea wants water at 80 degrees and steeps for two minutes; boiling water makes it bitter.
            """;

    static final String COFFEE = """
            # Coffee beans

            ## Arabica

            Arabica beans grow at high altitude, between 600 and 2000 metres, and taste sweeter than robusta.
            """;

    static final String AGGRESSIVE = """
            * { all: unset !important; color: red !important; font-size: 40px !important; }
            div, button, docent-widget { display: none !important; background: lime !important; }
            """;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    HttpServer site;

    String siteOrigin;

    String allowedKey;

    String elsewhereKey;

    String everySetKey;

    @BeforeAll
    void siteOnAnotherOrigin() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        siteOrigin = "http://127.0.0.1:" + site.getAddress().getPort();
        Api admin = new Api(port).login("widgetowner", "open-sesame-1234");
        // citations link to pages of the test's own site, so a visitor can follow one
        String tea = admin.ingest("widget-tea", "Tea guide", siteOrigin + "/tea/", Map.of("tea.md", TEA));
        admin.ingest("widget-coffee", "Coffee guide", siteOrigin + "/coffee/", Map.of("beans.md", COFFEE));
        allowedKey = key(admin, tea, siteOrigin);
        elsewhereKey = key(admin, tea, "https://elsewhere.example");
        everySetKey = key(admin, null, siteOrigin);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            String type = "text/html; charset=utf-8";
            if (path.equals("/host.css")) {
                body = AGGRESSIVE;
                type = "text/css";
            }
            else {
                boolean everySet = path.startsWith("/all/");
                String key = everySet ? everySetKey : path.startsWith("/elsewhere") ? elsewhereKey : allowedKey;
                String heading = path.startsWith("/tea/") ? "Brewing tea" : "Host documentation";
                body = "<!doctype html><html><head><title>" + heading + " - Host docs</title>"
                        + "<link rel=stylesheet href=/host.css></head><body><h1>" + heading + "</h1>"
                        + "<script src=\"http://127.0.0.1:" + port + "/widget.js\" data-key=\"" + key + "\""
                        + (everySet ? " data-document=\"*\"" : "")
                        + " data-accent=\"#2563eb\" defer></script></body></html>";
                exchange.getResponseHeaders()
                    .add("Content-Security-Policy", "default-src 'self'; script-src http://127.0.0.1:" + port
                            + "; connect-src http://127.0.0.1:" + port + "; style-src 'self'");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();
    }

    @AfterAll
    void stopSite() {
        site.stop(0);
    }

    @Test
    void aVisitorAsksSeesACitedAnswerAndKeepsItAcrossAReload() {
        browser.open(siteOrigin + "/docs/page.html");
        SearchContext widget = widget();
        WebElement launcher = widget.findElement(By.cssSelector(".launcher"));
        assertThat(launcher.getCssValue("background-color")).isEqualTo("rgba(37, 99, 235, 1)");
        assertThat(launcher.getCssValue("font-size")).isEqualTo("14px");
        assertThat(launcher.isDisplayed()).isTrue();
        launcher.click();

        WebElement input = widget.findElement(By.cssSelector("textarea"));
        input.sendKeys("How hot should the water be for green tea?");
        input.sendKeys(Keys.ENTER);

        WebElement answer = browser.await(d -> widget.findElements(By.cssSelector(".msg.assistant"))
            .stream()
            .filter(m -> m.getText().contains("80 degrees") && !m.findElements(By.cssSelector(".sources a")).isEmpty())
            .findFirst()
            .orElse(null));
        assertThat(answer.findElement(By.cssSelector(".sources a")).getAttribute("href"))
            .startsWith(siteOrigin + "/tea/");
        WebElement citation = answer.findElement(By.cssSelector("a.cite"));
        assertThat(citation.getText()).isEqualTo("[1]");
        assertThat(citation.getAttribute("href")).startsWith(siteOrigin + "/tea/");
        assertThat(citation.getAttribute("title")).contains("80 degrees");
        WebElement thumbsUp = answer.findElement(By.cssSelector(".rate button[data-rating='up']"));
        thumbsUp.click();
        browser.await(d -> "true".equals(thumbsUp.getAttribute("aria-pressed")));

        browser.driver().navigate().refresh();
        SearchContext reloaded = widget();
        reloaded.findElement(By.cssSelector(".launcher")).click();
        browser.await(d -> reloaded.findElements(By.cssSelector(".msg.assistant"))
            .stream()
            .anyMatch(m -> m.getText().contains("80 degrees")));
        assertThat(reloaded.findElement(By.cssSelector(".rate button[data-rating='up']")).getAttribute("aria-pressed"))
            .as("the rating is kept with the conversation")
            .isEqualTo("true");
        assertThat(reloaded.findElement(By.cssSelector(".msg.user")).getText()).contains("green tea");

        WebElement textarea = reloaded.findElement(By.cssSelector("textarea"));
        textarea.sendKeys(Keys.ESCAPE);
        browser.await(d -> !reloaded.findElement(By.cssSelector(".panel")).isDisplayed());

        followTheCitationToTheCitedPage(reloaded);
    }

    /**
     * The [1] opens the cited page of the docs site in a new tab, where the widget still
     * holds the conversation: the visitor keeps it while moving between pages.
     */
    private void followTheCitationToTheCitedPage(SearchContext widget) {
        widget.findElement(By.cssSelector(".launcher")).click();
        String docsTab = browser.driver().getWindowHandle();
        Set<String> before = browser.driver().getWindowHandles();
        browser.await(d -> widget.findElement(By.cssSelector("a.cite"))).click();
        String citedTab = browser.await(
                d -> d.getWindowHandles().stream().filter(handle -> !before.contains(handle)).findFirst().orElse(null));
        try {
            browser.driver().switchTo().window(citedTab);
            browser.await(d -> d.getCurrentUrl().startsWith(siteOrigin + "/tea/") ? d.getCurrentUrl() : null);
            assertThat(browser.await(d -> d.findElements(By.tagName("h1")).stream().findFirst().orElse(null)).getText())
                .isEqualTo("Brewing tea");
            assertThat(browser.driver().getTitle()).isEqualTo("Brewing tea - Host docs");

            SearchContext there = widget();
            there.findElement(By.cssSelector(".launcher")).click();
            browser.await(d -> there.findElements(By.cssSelector(".msg.assistant"))
                .stream()
                .anyMatch(m -> m.getText().contains("80 degrees")));
            assertThat(there.findElement(By.cssSelector(".msg.user")).getText()).contains("green tea");
        }
        finally {
            browser.driver().close();
            browser.driver().switchTo().window(docsTab);
        }
    }

    /**
     * data-document="*" with a key for every set: one conversation answers from each set.
     */
    @Test
    void aWidgetForEverySetAnswersFromEachOfThem() {
        browser.open(siteOrigin + "/all/page.html");
        SearchContext widget = widget();
        widget.findElement(By.cssSelector(".launcher")).click();
        ask(widget, "At what altitude do arabica beans grow?");
        citedAnswer(widget, "high altitude", siteOrigin + "/coffee/");
        ask(widget, "How hot should the water be for green tea?");
        citedAnswer(widget, "80 degrees", siteOrigin + "/tea/");
        assertThat(widget.findElements(By.cssSelector(".msg.user"))).hasSize(2);
    }

    private static void ask(SearchContext widget, String question) {
        WebElement input = widget.findElement(By.cssSelector("textarea"));
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
    }

    private static void citedAnswer(SearchContext widget, String text, String citedPrefix) {
        browser.await(d -> widget.findElements(By.cssSelector(".msg.assistant"))
            .stream()
            .anyMatch(m -> m.getText().contains(text) && m.findElements(By.cssSelector("a.cite"))
                .stream()
                .anyMatch(a -> a.getAttribute("href").startsWith(citedPrefix))));
    }

    @Test
    void aPageOnAnOriginTheKeyDoesNotAllowIsRefused() {
        browser.open(siteOrigin + "/elsewhere/page.html");
        SearchContext widget = widget();
        widget.findElement(By.cssSelector(".launcher")).click();
        WebElement input = widget.findElement(By.cssSelector("textarea"));
        input.sendKeys("How hot for green tea?");
        input.sendKeys(Keys.ENTER);
        browser.await(d -> widget.findElements(By.cssSelector(".msg.assistant"))
            .stream()
            .anyMatch(m -> m.getText().contains("not available on this page")));
    }

    @Test
    void theScriptStaysUnderItsSizeBudgetAndNamesTheLibrariesItImports() throws IOException {
        Api.Response script = new Api(port).get("/widget.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(script.body()).doesNotContain("{{").contains("/webjars/marked/").contains("/webjars/dompurify/");
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(script.body().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(gzipped.size()).isLessThan(30 * 1024);
    }

    private SearchContext widget() {
        WebElement host = browser
            .await(d -> d.findElements(By.cssSelector("docent-widget")).stream().findFirst().orElse(null));
        return host.getShadowRoot();
    }

    /** A public key for the origin, over one set (every set when null). */
    private static String key(Api admin, String document, String origin) {
        Api.Response created = admin.post("/api/v1/keys",
                "{\"name\":\"site " + origin + "\",\"kind\":\"public\","
                        + (document == null ? "" : "\"documentIds\":[\"" + document + "\"],") + "\"allowedOrigins\":[\""
                        + origin + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

}
