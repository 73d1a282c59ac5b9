package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import dev.docent.support.DocentTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Versions, copy and share in a real browser (headless Chromium; the application with
 * real PostgreSQL and Redis, no model): regenerate and edit keep the earlier versions and
 * ‹ › switches between them; Copy puts the answer's Markdown on the clipboard; a shared
 * link opens in another browser with no account, and stops working when revoked.
 */
@DocentTest
class MessageVersionsPageTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Another browser profile: no account, no cookie. */
    @RegisterExtension
    static final Browser guest = new Browser();

    @LocalServerPort
    int port;

    String username;

    @BeforeEach
    void freshUser() {
        username = Pages.newUsername();
        browser.clearCookies();
        browser.open(url("/"));
        browser.visible("#signin-switch").click();
        Pages.signIn(browser, username, Pages.PASSWORD);
    }

    @Test
    void regenerateAndEditKeepVersionsThatTheArrowsSwitchBetween() {
        ask("First question");
        String firstAnswer = Pages.answer(browser).getDomAttribute("data-id");

        browser.visible(".message.assistant .regenerate").click();
        browser.await(d -> versionOf(".message.assistant").equals("2/2"));
        assertThat(Pages.answer(browser).getDomAttribute("data-id")).isNotEqualTo(firstAnswer);
        browser.find(".message.assistant .version-previous").click();
        browser.await(d -> versionOf(".message.assistant").equals("1/2")
                && firstAnswer.equals(Pages.answer(browser).getDomAttribute("data-id")));

        browser.find(".message.user .edit").click();
        WebElement editor = browser.visible(".edit-input");
        editor.clear();
        editor.sendKeys("Edited question");
        browser.find(".edit-form button.primary").click();
        browser.await(d -> versionOf(".message.user").equals("2/2")
                && browser.find(".message.user .content").getText().equals("Edited question")
                && browser.findAll(".message.streaming").isEmpty());
        assertThat(browser.findAll(".message")).hasSize(2);
        assertThat(browser.findAll(".message.assistant .versions")).as("a new question's answer has one version")
            .isEmpty();

        browser.find(".message.user .version-previous").click();
        browser.await(d -> browser.find(".message.user .content").getText().equals("First question"));
        browser.await(d -> versionOf(".message.assistant").equals("1/2"));
        assertThat(Pages.answer(browser).getDomAttribute("data-id")).as("the branch remembers its answer")
            .isEqualTo(firstAnswer);

        browser.driver().navigate().refresh();
        browser.await(d -> browser.findAll(".message").size() == 2 && versionOf(".message.user").equals("1/2"));
        Screenshots.take(browser, "versions");
        Pages.assertNoScriptErrors(browser);
        assertThat(Pages.unlabelledControls(browser)).isEmpty();
    }

    @Test
    void copyPutsTheWholeAnswerAsMarkdownOnTheClipboardWithOrWithoutTheClipboardApi() {
        ask("Anything to copy?");
        String chatId = chatId();
        JsonNode answer = api().get("/api/v1/chats/" + chatId).json().get("messages").get(1);
        String markdown = answer.get("content").asString();

        browser.script("""
                window.copied = null;
                navigator.clipboard.writeText = (text) => { window.copied = text; return Promise.resolve(); };""");
        browser.find(".message.assistant .message-actions .copy").click();
        assertThat((Object) browser.await(d -> browser.script("return window.copied"))).isEqualTo(markdown);
        browser.visible("#toast");

        browser.script("""
                window.copied = null;
                Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
                document.execCommand = (command) => {
                  window.copied = command === 'copy' ? document.querySelector('.copy-buffer').value : null;
                  return true;
                };""");
        browser.find(".message.assistant .message-actions .copy").click();
        assertThat((Object) browser.await(d -> browser.script("return window.copied"))).isEqualTo(markdown);
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void aSharedLinkOpensWithoutAnAccountAndStopsWorkingWhenRevoked() {
        ask("What does sharing show?");
        browser.visible("#share-chat").click();
        browser.visible("#share-create").click();
        String link = browser.await(d -> {
            String value = browser.find("#share-link").getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
        assertThat(link).matches("http://127\\.0\\.0\\.1:\\d+/s/[A-Za-z0-9_-]{43}");
        browser.await(d -> browser.findAll("#share-list .revoke").size() == 1);
        Screenshots.take(browser, "share-dialog");
        browser.find("#share-dialog .dialog-buttons button:not(.primary)").click();
        browser.await(d -> !browser.find("#share-dialog").isDisplayed());
        ask("Said after sharing");

        guest.clearCookies();
        guest.open(link);
        guest.await(d -> guest.find("#shared-title").getText().equals("What does sharing show?"));
        guest.await(d -> guest.findAll("#shared-messages .message").size() == 2);
        assertThat(guest.find("#shared-messages").getText()).doesNotContain("Said after sharing");
        assertThat(guest.find("meta[name=robots]").getDomAttribute("content")).contains("noindex");
        assertThat(guest.findAll("#signin-form")).as("no sign-in in the way").isEmpty();
        assertThat(guest.find("body").getText()).doesNotContain(username);
        Pages.assertNoScriptErrors(guest);

        browser.visible("#share-chat").click();
        browser.await(d -> browser.findAll("#share-list .revoke").size() == 1);
        browser.find("#share-list .revoke").click();
        browser.await(d -> browser.findAll("#share-list .revoke").isEmpty());

        guest.driver().navigate().refresh();
        guest.await(d -> guest.find("#shared-subtitle").getText().contains("revoked"));
        assertThat(guest.findAll("#shared-messages .message")).isEmpty();
    }

    private void ask(String question) {
        int before = browser.findAll(".message.assistant").size();
        if (browser.find("#new-chat-options").isDisplayed()) {
            // no model and no document set here: nothing is chosen for the reader, as
            // they would choose
            browser.find("#category-general").click();
        }
        browser.visible("#composer-input").sendKeys(question, org.openqa.selenium.Keys.ENTER);
        browser.await(d -> browser.findAll(".message.assistant").size() > before
                && browser.findAll(".message.streaming").isEmpty()
                && Pages.answer(browser).getDomAttribute("data-id") != null
                && !Pages.answer(browser).getDomAttribute("data-id").isEmpty());
    }

    private String versionOf(String message) {
        List<WebElement> index = browser.findAll(message + " .version-index");
        return index.isEmpty() ? "" : index.getLast().getText();
    }

    private String chatId() {
        return browser.await(d -> d.getCurrentUrl().matches(".*/chats/[0-9a-f-]{36}$")
                ? d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1) : null);
    }

    private Api api() {
        Api.Response login = new Api(port).post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + Pages.PASSWORD + "\"}");
        return new Api(port).as(login.json().get("accessToken").asString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

}
