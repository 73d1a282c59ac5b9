package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import dev.docent.support.Eventually;
import dev.docent.support.ServicesInitializer;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's first question: a server started for the first time ingests Docent's own
 * user guide, so that an <em>Official documentation</em> chat answers at once, with
 * citations that open the guide's pages on this server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SampleGuidePageTest.FirstStart.class)
class SampleGuidePageTest {

    static final String GUIDE = "Docent user guide";

    /** An operator, to read how many passages the search index holds. */
    static final String OPERATOR = "guide-operator";

    static final String OPERATOR_PASSWORD = "watch-the-guide-42";

    static class FirstStart extends ServicesInitializer {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues
                .of("docent.knowledge.sample-docs=true", "docent.admin.username=" + OPERATOR,
                        "docent.admin.password=" + OPERATOR_PASSWORD)
                .applyTo(context);
        }

    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aNewcomerAsksAboutDocentAndFollowsACitationIntoTheGuide() {
        browser.open(url("/"));
        String username = Pages.newUsername();
        Pages.signUp(browser, username);
        Api learner = new Api(port).login(username, Pages.PASSWORD);
        Eventually.await(Duration.ofSeconds(90), () -> learner.get("/api/v1/documents").json(),
                list -> list.size() == 1 && !list.get(0).path("ingestedAt").isMissingNode());

        browser.find("#new-chat").click();
        WebElement docs = browser.visible("#category-docs");
        browser.await(d -> docs.isEnabled());
        docs.click();
        assertThat(browser.visible("#document-select").getText()).matches(GUIDE + " \\(\\d+ pages\\)");
        browser.find("#composer-input").sendKeys("How do I add my own documentation?", Keys.ENTER);
        Pages.awaitAnswered(browser);

        List<WebElement> citations = Pages.answer(browser).findElements(By.cssSelector(".content a.citation"));
        assertThat(citations).isNotEmpty()
            .allSatisfy(citation -> assertThat(citation.getDomAttribute("href"))
                .matches("/guide/[a-z-]+\\.html#[a-z0-9-]+"));
        String href = citations.getFirst().getDomAttribute("href");
        String anchor = href.substring(href.indexOf('#') + 1);
        Pages.assertNoScriptErrors(browser);

        String app = browser.driver().getWindowHandle();
        citations.getFirst().click();
        String tab = browser
            .await(d -> d.getWindowHandles().stream().filter(h -> !h.equals(app)).findFirst().orElse(null));
        try {
            browser.driver().switchTo().window(tab);
            browser.await(d -> d.getCurrentUrl().equals(url(href)));
            browser.await(d -> "complete".equals(browser.script("return document.readyState")));
            assertThat(browser.driver().getTitle()).endsWith("— " + GUIDE);
            assertThat(browser.visible("main h1").getText()).isNotBlank();
            assertThat(browser.find("[id='" + anchor + "']").isDisplayed()).isTrue();
            assertThat(browser.script("return document.styleSheets[0].cssRules.length")).as("guide.css applies")
                .isNotEqualTo(0L);
            assertThat(browser.consoleLog()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .extracting(LogEntry::getMessage)
                .isEmpty();
        }
        finally {
            browser.driver().close();
            browser.driver().switchTo().window(app);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

}
