package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Documentation answers in a real browser, with no language model: a learner asks an
 * <em>Official documentation</em> chat, the server retrieves passages of the ingested
 * documents and quotes them, and the page shows the streamed answer with its citations
 * linked to the source page and section.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AdminSite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitedAnswerPageTest {

    static final String COFFEE = """
            # Brewing coffee

            ## Grind size

            Espresso needs a fine grind, close to powdered sugar, while a French press needs a coarse grind so \
            that its metal filter holds the grounds back.

            ## Coffee to water ratio

            Use about sixty grams of ground coffee for each litre of water; for weaker coffee use less coffee \
            rather than a shorter brewing time.
            """;
    static final String PLANTS = """
            # Caring for houseplants

            ## Watering a cactus

            Water a cactus only when its soil has dried out completely, about once every three weeks in winter, \
            and never let its pot stand in water.
            """;
    static final String COFFEE_SITE = "https://example.org/coffee/";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Api admin;

    Api learner;

    @BeforeAll
    void documents() {
        admin = AdminSite.admin(port);
        AdminSite.deleteDocuments(admin);
        admin.ingest("coffee", "Coffee guide", COFFEE_SITE, Map.of("coffee.md", COFFEE));
        admin.ingest("plants", "Plant notes", Map.of("plants.md", PLANTS));
    }

    @AfterAll
    void deleteDocuments() {
        AdminSite.deleteDocuments(admin);
    }

    @BeforeEach
    void aNewLearner() {
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
        String username = Pages.newUsername();
        Pages.signUp(browser, username);
        learner = new Api(port).login(username, Pages.PASSWORD);
    }

    @Test
    void anAnswerQuotesTheDocumentsCitesThemAndKeepsItsCitationsAfterAReload() {
        WebElement answer = ask("Coffee guide", "How fine should the grind be for espresso?");

        assertThat(text(answer)).contains("fine grind");
        JsonNode sources = storedAnswer().get("sources");
        JsonNode first = sources.get(0);
        assertThat(first.get("url").asString()).isEqualTo(COFFEE_SITE + "coffee.md#grind-size");
        List<WebElement> citations = answer.findElements(By.cssSelector(".content a.citation"));
        assertLinkedToTheirSources(citations, sources);

        WebElement citation = citations.getFirst();
        WebElement snippet = citation.findElement(By.cssSelector(".snippet"));
        assertThat(snippet.isDisplayed()).isFalse();
        new Actions(browser.driver()).moveToElement(citation).perform();
        browser.await(d -> snippet.isDisplayed());
        assertThat(snippet.getText()).isEqualTo(sourceLabel(first) + " — " + first.get("snippet").asString())
            .contains("Espresso needs a fine grind");
        new Actions(browser.driver()).moveToElement(browser.find("#composer-input")).perform();
        browser.await(d -> !snippet.isDisplayed());
        browser.script("arguments[0].focus()", citation);
        assertThat(snippet.isDisplayed()).as("shown on keyboard focus too").isTrue();

        WebElement list = answer.findElement(By.cssSelector("details.sources"));
        list.findElement(By.cssSelector("summary")).click();
        assertThat(list.findElement(By.cssSelector("summary")).getText()).isEqualTo("Sources (" + sources.size() + ")");
        List<WebElement> listed = list.findElements(By.cssSelector("li a"));
        assertThat(listed).hasSize(sources.size());
        assertThat(listed.getFirst().getDomAttribute("href")).isEqualTo(first.get("url").asString());
        assertThat(listed.getFirst().getText()).isEqualTo(sourceLabel(first));
        assertThat(browser.find("#chat-subtitle").getText()).isEqualTo("Official documentation · Coffee guide");
        new Actions(browser.driver()).moveToElement(citation).perform();
        Screenshots.take(browser, "answer");
        List<String> hrefs = citations.stream().map(c -> c.getDomAttribute("href")).toList();

        browser.driver().navigate().refresh();
        browser.await(d -> browser.findAll(".message").size() == 2);
        List<WebElement> reloaded = Pages.answer(browser).findElements(By.cssSelector(".content a.citation"));
        assertThat(reloaded.stream().map(c -> c.getDomAttribute("href"))).isEqualTo(hrefs);
        assertLinkedToTheirSources(reloaded, sources);
        assertThat(Pages.answer(browser).findElement(By.cssSelector("details.sources summary")).getText())
            .isEqualTo("Sources (" + sources.size() + ")");
        browser.await(d -> browser.find("#chat-subtitle").getText().equals("Official documentation · Coffee guide"));
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void withoutABaseUrlACitationShowsItsSourceButLinksNowhere() {
        WebElement answer = ask("Plant notes", "How often should I water a cactus?");

        assertThat(text(answer)).contains("three weeks");
        JsonNode sources = storedAnswer().get("sources");
        assertThat(sources.get(0).get("url").asString()).isEqualTo("plants.md#watering-a-cactus");
        // "plants.md#…" would open the app itself: no page of this set is served
        // anywhere.
        assertThat(answer.findElements(By.cssSelector("a.citation, .sources a"))).isEmpty();
        List<WebElement> citations = answer.findElements(By.cssSelector(".content .citation"));
        assertThat(citations).isNotEmpty().allSatisfy(citation -> {
            assertThat(citation.getDomAttribute("tabindex")).isEqualTo("0");
            assertThat(citation.findElement(By.cssSelector(".snippet")).getDomProperty("textContent"))
                .isEqualTo(sourceLabel(sources.get(0)) + " — " + sources.get(0).get("snippet").asString());
        });
        assertThat(answer.findElement(By.cssSelector(".sources li")).getDomProperty("textContent"))
            .contains("plants.md#watering-a-cactus");
    }

    @Test
    void aQuestionTheDocumentsDoNotCoverIsAnsweredSoWithoutCitations() {
        WebElement answer = ask("Coffee guide", "How do I replace the spark plugs of a motorbike?");

        assertThat(text(answer)).contains("does not seem to cover");
        assertThat(answer.findElements(By.cssSelector("a.citation, .sources"))).isEmpty();
        assertThat(storedAnswer().get("sources")).isEmpty();
    }

    /**
     * Starts a new Official documentation chat with the document set called
     * {@code title}; answers with the answer.
     */
    WebElement ask(String title, String question) {
        WebElement docs = browser.visible("#category-docs");
        browser.await(d -> docs.isEnabled());
        docs.click();
        Select select = new Select(browser.visible("#document-select"));
        select.getOptions()
            .stream()
            .filter(o -> o.getText().startsWith(title + " ("))
            .findFirst()
            .orElseThrow()
            .click();
        browser.find("#composer-input").sendKeys(question, Keys.ENTER);
        Pages.awaitAnswered(browser);
        return Pages.answer(browser);
    }

    static String text(WebElement answer) {
        return answer.findElement(By.cssSelector(".content")).getText();
    }

    /** The answer as the server stored it, from the chat the page opened. */
    JsonNode storedAnswer() {
        String chatId = browser.await(d -> d.getCurrentUrl().matches(".*/chats/[0-9a-f-]{36}$")
                ? d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1) : null);
        return learner.get("/api/v1/chats/" + chatId).json().get("messages").get(1);
    }

    /**
     * Each citation [n] links to source n's URL and names its document, page and section.
     */
    static void assertLinkedToTheirSources(List<WebElement> citations, JsonNode sources) {
        assertThat(citations).isNotEmpty().allSatisfy(citation -> {
            String text = (String) browser.script("return arguments[0].firstChild.textContent", citation);
            assertThat(text).matches("\\[\\d+\\]");
            JsonNode source = sources.valueStream()
                .filter(s -> text.equals("[" + s.get("n").asInt() + "]"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text + " is not among the stored sources"));
            assertThat(citation.getDomAttribute("href")).isEqualTo(source.get("url").asString());
            assertThat(citation.getDomAttribute("target")).isEqualTo("_blank");
            assertThat(citation.findElement(By.cssSelector(".snippet")).getDomProperty("textContent"))
                .isEqualTo(sourceLabel(source) + " — " + source.get("snippet").asString());
        });
    }

    static String sourceLabel(JsonNode source) {
        return source.get("documentTitle").asString() + " · " + source.get("page").asString() + " · "
                + source.get("section").asString();
    }

}
