package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Browser;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

/**
 * What the browser tests do alike: sign up or in through the page's form, wait for
 * answers, read the console.
 */
final class Pages {

    static final String PASSWORD = "correct horse battery";

    private Pages() {
    }

    static String newUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Creates the account through the sign-in page's other mode and waits until the app
     * shows it signed in.
     */
    static void signUp(Browser browser, String username) {
        browser.visible("#signin-switch").click();
        signIn(browser, username, PASSWORD);
    }

    static void signIn(Browser browser, String username, String password) {
        browser.visible("#signin-username").sendKeys(username);
        browser.find("#signin-password").sendKeys(password, Keys.ENTER);
        browser.visible("#app");
        browser.await(d -> browser.find("#user-name").getText().equals(username));
    }

    /** Waits until the conversation has an answer and none is streaming. */
    static void awaitAnswered(Browser browser) {
        browser.await(d -> !browser.findAll(".message.assistant").isEmpty()
                && browser.findAll(".message.streaming").isEmpty());
    }

    /** The last answer in the conversation. */
    static WebElement answer(Browser browser) {
        return browser.findAll(".message.assistant").getLast();
    }

    /** No script failed and nothing was refused by the Content-Security-Policy. */
    static void assertNoScriptErrors(Browser browser) {
        List<String> messages = browser.consoleLog().stream().map(LogEntry::getMessage).toList();
        assertThat(messages).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    /** The visible controls that have no label a screen reader could read out. */
    static List<?> unlabelledControls(Browser browser) {
        return (List<?>) browser.script("""
                return [...document.querySelectorAll('button, input, select, textarea, a[href], summary')]
                  .filter(e => e.checkVisibility())
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                    && !e.getAttribute('aria-labelledby') && !e.textContent.trim())
                  .map(e => e.outerHTML)""");
    }

}
