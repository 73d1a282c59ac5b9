package dev.docent.web;

import static dev.docent.support.OpenAiStub.slowTokens;
import static dev.docent.support.OpenAiStub.slowly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Stop pressed at once after Send, before the server has even named the new chat: that
 * answer stops, and what is stored ends there, marked interrupted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ChatPageTest.StubModel.class)
class StopRightAfterSendPageTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void stopRightAfterSendStopsThatAnswer() {
        ChatPageTest.model.reset();
        ChatPageTest.model.titles("Stopped");
        List<String> tokens = slowTokens(40);
        ChatPageTest.model.answers(slowly(tokens, Duration.ofSeconds(8)));
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
        String username = Pages.newUsername();
        Pages.signUp(browser, username);
        Api api = new Api(port).login(username, Pages.PASSWORD);
        assertThat(api.get("/api/v1/assistant").json().get("modelConfigured").asBoolean()).isTrue();
        browser.await(d -> browser.find("#category-general").isSelected());

        browser.visible("#composer-input").sendKeys("Tell me everything", Keys.ENTER);
        browser.script("document.getElementById('stop').click()");
        Pages.awaitAnswered(browser);

        String chatId = browser.await(d -> d.getCurrentUrl().matches(".*/chats/[0-9a-f-]{36}$")
                ? d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1) : null);
        JsonNode answer = api.get("/api/v1/chats/" + chatId).json().get("messages").get(1);
        assertThat(answer.get("interrupted").asBoolean()).isTrue();
        assertThat(answer.get("content").asString()).doesNotContain(tokens.get(20).strip(), tokens.getLast().strip());
        assertThat(browser.visible(".message.assistant .note").getText()).containsAnyOf("cut short", "No answer");
        assertThat(browser.visible("#send").isDisplayed()).isTrue();
        browser.driver().navigate().refresh();
        browser.await(d -> browser.findAll(".message").size() == 2);
        assertThat(browser.find(".message.assistant .note").isDisplayed()).isTrue();
    }

}
