package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.insights.InsightsSite;
import dev.docent.support.Api;
import dev.docent.support.Browser;
import dev.docent.support.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Feedback and insights in a real browser: a reader rates an answer with the thumbs, then
 * the ADMIN's insights page shows the chart and the gaps, and a gap opens the
 * conversations behind it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InsightsSite.class)
class InsightsPageTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aReaderRatesAnAnswerAndTheAdminFollowsAGapToItsConversations() {
        Api admin = InsightsSite.admin(port);
        String documentId = admin.ingest("page-insights", "Page Insights", InsightsSite.DOCS);
        InsightsSite.ask(new Api(port).newUser(), documentId, "How do I bake sourdough bread at home?");

        String username = Pages.newUsername();
        browser.clearCookies();
        browser.open(url("/"));
        Pages.signUp(browser, username);
        Api reader = new Api(port).login(username, Pages.PASSWORD);
        String chat = InsightsSite.ask(reader, documentId, "How do I bake sourdough bread?");
        browser.open(url("/chats/" + chat));
        Pages.awaitAnswered(browser);

        WebElement down = browser.visible(".message.assistant .feedback button[aria-label='Unhelpful answer']");
        down.click();
        browser.await(d -> "true".equals(down.getAttribute("aria-pressed")));
        browser.visible(".feedback-reasons input[value='not-covered']").click();
        browser.find(".feedback-reasons textarea").sendKeys("Nothing on baking");
        browser.find(".feedback-reasons button[type='submit']").click();
        browser.await(d -> !browser.find(".feedback-reasons").isDisplayed());
        JsonNode feedback = Eventually
            .await(Duration.ofSeconds(5), () -> reader.get("/api/v1/chats/" + chat).json().get("messages").get(1),
                    m -> m.hasNonNull("feedback") && m.get("feedback").hasNonNull("reason"))
            .get("feedback");
        assertThat(feedback.get("rating").asString()).isEqualTo("down");
        assertThat(feedback.get("reason").asString()).isEqualTo("not-covered");
        assertThat(feedback.get("comment").asString()).isEqualTo("Nothing on baking");

        browser.driver().navigate().refresh();
        Pages.awaitAnswered(browser);
        WebElement up = browser.visible(".message.assistant .feedback button[aria-label='Helpful answer']");
        assertThat(browser.find(".message.assistant .feedback button[aria-label='Unhelpful answer']")
            .getAttribute("aria-pressed")).isEqualTo("true");
        up.click();
        browser.await(d -> "true".equals(up.getAttribute("aria-pressed")));
        up.click();
        browser.await(d -> "false".equals(up.getAttribute("aria-pressed")));
        Eventually.await(Duration.ofSeconds(5), () -> reader.get("/api/v1/chats/" + chat).json(),
                c -> !c.get("messages").get(1).hasNonNull("feedback"));
        browser.find(".message.assistant .feedback button[aria-label='Unhelpful answer']").click();
        browser.await(d -> browser.find(".feedback-reasons").isDisplayed());
        Pages.assertNoScriptErrors(browser);

        Eventually.await(Duration.ofSeconds(30), () -> admin.get("/api/v1/insights").json(),
                i -> i.get("outcomes").get("thumbsDown").asLong() == 1 && i.get("gaps").size() == 1);

        browser.clearCookies();
        browser.open(url("/"));
        Pages.signIn(browser, InsightsSite.ADMIN, InsightsSite.PASSWORD);
        browser.visible("#nav-insights").click();
        browser.await(d -> d.getCurrentUrl().endsWith("/insights"));
        browser.visible("#insights-chart canvas");
        assertThat(browser.find("#insights-chart").getAttribute("data-days")).isEqualTo("30");
        WebElement gap = browser.visible("#insights-gaps-table tbody tr");
        assertThat(gap.getText()).contains("sourdough");
        Screenshots.take(browser, "insights");
        gap.click();
        browser.await(d -> browser.findAll("#insights-dialog tbody tr").size() == 2);
        WebElement mine = browser.find("#insights-dialog tbody tr[data-chat='" + chat + "']");
        String pseudonym = mine.findElements(org.openqa.selenium.By.cssSelector("td")).get(0).getText();
        assertThat(pseudonym).matches("reader-[0-9a-f]{8}");
        assertThat(browser.find("#insights-dialog").getText()).doesNotContain(username);
        mine.findElement(org.openqa.selenium.By.cssSelector("button")).click();
        browser.await(d -> browser.find("#insights-dialog-subtitle").getText().contains(pseudonym));
        assertThat(browser.find("#insights-dialog .transcript").getText()).contains("How do I bake sourdough bread?")
            .contains("Docent");
        assertThat(browser.findAll("#insights-dialog textarea, #insights-dialog input")).isEmpty();
        Pages.assertNoScriptErrors(browser);
        assertThat(Pages.unlabelledControls(browser)).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

}
