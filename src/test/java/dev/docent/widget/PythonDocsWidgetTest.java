package dev.docent.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.docent.support.Api;
import dev.docent.support.Browser;
import dev.docent.support.DocentTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The widget on a real page of the Python documentation (Debian's python3.11-doc, served
 * as it is from another origin with the one-line snippet added): a visitor asks how to
 * use a list as a stack and gets an answer citing that page. With
 * {@code -Ddocent.screenshots=docs/screenshots} it also takes the README's picture.
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=pythondocs", "docent.admin.password=open-sesame-1234" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonDocsWidgetTest {

    static final Path PYTHON_DOCS = Path.of("/usr/share/doc/python3.11/html");

    static final String PAGE = "tutorial/datastructures.html";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    HttpServer site;

    String siteOrigin;

    String snippet;

    @BeforeAll
    void pythonDocsOnAnotherOrigin() throws IOException {
        assumeTrue(Files.isRegularFile(PYTHON_DOCS.resolve(PAGE)),
                "the Python docs are not installed: apt-get install python3.11-doc");
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        siteOrigin = "http://127.0.0.1:" + site.getAddress().getPort();
        Api admin = new Api(port).login("pythondocs", "open-sesame-1234");
        String tutorial = admin.ingest("python-tutorial", "Python tutorial", siteOrigin + "/tutorial/",
                Map.of("datastructures.html", Files.readString(PYTHON_DOCS.resolve(PAGE))));
        Api.Response key = admin.post("/api/v1/keys",
                "{\"name\":\"python docs\",\"kind\":\"public\",\"documentIds\":[\"" + tutorial
                        + "\"],\"allowedOrigins\":[\"" + siteOrigin + "\"]}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        snippet = "<script src=\"http://127.0.0.1:" + port + "/widget.js\" data-key=\""
                + key.json().get("key").asString()
                + "\" data-title=\"Ask the Python docs\" data-accent=\"#3776ab\" defer></script>";
        site.createContext("/", this::serveDocs);
        site.start();
    }

    @AfterAll
    void stopSite() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aVisitorOfThePythonDocsAsksAndGetsAnAnswerCitingThePage() {
        browser.open(siteOrigin + "/" + PAGE + "#using-lists-as-stacks");
        desktopViewport();
        assertThat(browser.driver().getTitle()).contains("Data Structures");
        WebElement host = browser
            .await(d -> d.findElements(By.cssSelector("docent-widget")).stream().findFirst().orElse(null));
        SearchContext widget = host.getShadowRoot();
        widget.findElement(By.cssSelector(".launcher")).click();
        WebElement input = widget.findElement(By.cssSelector("textarea"));
        input.sendKeys("How do I use a list as a stack?");
        input.sendKeys(Keys.ENTER);

        WebElement answer = browser.await(java.time.Duration.ofSeconds(30),
                d -> widget.findElements(By.cssSelector(".msg.assistant"))
                    .stream()
                    .filter(m -> !m.findElements(By.cssSelector(".sources a")).isEmpty()
                            && !m.findElements(By.cssSelector(".rate")).isEmpty())
                    .findFirst()
                    .orElse(null));
        assertThat(answer.getText()).contains("append").contains("pop");
        WebElement citation = answer.findElement(By.cssSelector("a.cite"));
        assertThat(citation.getAttribute("href")).startsWith(siteOrigin + "/" + PAGE);
        assertThat(answer.findElement(By.cssSelector(".sources a")).getAttribute("href"))
            .startsWith(siteOrigin + "/" + PAGE);

        String dir = System.getProperty("docent.screenshots");
        if (dir != null && !dir.isBlank()) {
            // the question and the start of the answer in the picture, not its end
            browser.script("arguments[0].scrollIntoView({block: 'start'})",
                    widget.findElement(By.cssSelector(".msg.user")));
            browser.screenshot(Path.of(dir, "widget-python-docs.png"));
        }
    }

    /** A 1280x800 page, whatever the browser's own bars take. */
    private void desktopViewport() {
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        long bars = 800 - ((Number) browser.script("return window.innerHeight")).longValue();
        browser.driver().manage().window().setSize(new Dimension(1280, (int) (800 + bars)));
        browser.script("location.hash = ''; location.hash = '#using-lists-as-stacks'");
    }

    /**
     * The installed docs as they are, the widget's line added to each page: what a site
     * owner does in their page template.
     */
    private void serveDocs(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = PYTHON_DOCS.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(PYTHON_DOCS) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            if (name.endsWith(".html")) {
                bytes = new String(bytes, StandardCharsets.UTF_8).replace("</body>", snippet + "</body>")
                    .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", type(name));
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        if (name.endsWith(".js")) {
            return "text/javascript";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return name.endsWith(".png") ? "image/png" : "application/octet-stream";
    }

}
