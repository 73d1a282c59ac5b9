package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A reader changes their password in the web app: the page stays signed in (on a new
 * session), another device is signed out, and only the new password signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AdminSite.class)
class PasswordPageTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aReaderChangesTheirPasswordAndStaysSignedInHere() {
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
        String username = Pages.newUsername();
        Pages.signUp(browser, username);
        Api otherDevice = new Api(port).login(username, Pages.PASSWORD);

        browser.visible("#change-password").click();
        browser.visible("#current-password").sendKeys("not my password");
        browser.find("#new-password").sendKeys(NEW_PASSWORD);
        browser.find("#password-form button[type=submit]").click();
        browser.await(d -> browser.find("#password-error").getText().contains("currentPassword"));
        browser.find("#current-password").clear();
        browser.find("#current-password").sendKeys(Pages.PASSWORD);
        browser.find("#password-form button[type=submit]").click();

        browser.await(d -> browser.find("#toast").getText().contains("Password changed"));
        assertThat(browser.find("#password-dialog").isDisplayed()).isFalse();
        assertThat(otherDevice.get("/api/v1/me").status()).as("the other device's session").isEqualTo(401);
        browser.driver().navigate().refresh();
        browser.visible("#app");
        browser.await(d -> browser.find("#user-name").getText().equals(username));

        browser.visible("#signout").click();
        browser.visible("#signin-username").sendKeys(username);
        browser.find("#signin-password").sendKeys(Pages.PASSWORD, org.openqa.selenium.Keys.ENTER);
        browser.await(d -> !browser.find("#signin-error").getText().isBlank());
        browser.find("#signin-username").clear();
        browser.find("#signin-password").clear();
        Pages.signIn(browser, username, NEW_PASSWORD);
        Pages.assertNoScriptErrors(browser);
    }

}
