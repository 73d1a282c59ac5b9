package dev.docent.web;

import static dev.docent.web.AdminSite.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The ADMIN's API keys page in a real browser: a key is created and shown once with its
 * snippet, listed without the key, and revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AdminSite.class)
class KeysPageTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void signedOut() {
        admin = AdminSite.admin(port);
        for (JsonNode key : admin.get("/api/v1/keys").json()) {
            admin.delete("/api/v1/keys/" + key.get("id").asString());
        }
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
    }

    @Test
    void anAdminCreatesASecretKeyCopiesItsMcpSnippetAndRevokesIt() {
        Pages.signIn(browser, ADMIN, Pages.PASSWORD);
        browser.visible("#nav-keys").click();
        browser.await(d -> browser.find("#keys-status").getText().equals("No API keys yet. Create one above."));

        browser.find("#key-name").sendKeys("Coding agent");
        browser.find("#key-kind").sendKeys("Secret");
        browser.visible("#key-read-only").click();
        browser.find("#key-submit").click();

        WebElement key = browser.visible("#key-created-key");
        String shown = key.getText();
        assertThat(shown).startsWith("dk_sec_").hasSize(50);
        assertThat(browser.find("#key-created-snippet").getText())
            .contains("\"url\": \"http://127.0.0.1:" + port + "/mcp\"")
            .contains("Bearer " + shown);
        WebElement row = browser.visible("#keys-body tr");
        assertThat(row.getText()).contains("Coding agent")
            .contains(shown.substring(0, 11))
            .contains("read-only")
            .doesNotContain(shown);
        JsonNode listed = admin.get("/api/v1/keys").json().get(0);
        assertThat(listed.get("readOnly").asBoolean()).isTrue();
        assertThat(Pages.unlabelledControls(browser)).isEmpty();

        row.findElement(By.cssSelector("button.danger")).click();
        browser.visible("#confirm-ok").click();
        browser.await(d -> browser.find("#keys-status").getText().equals("No API keys yet. Create one above."));
        assertThat(admin.get("/api/v1/keys").json().size()).isZero();
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void aPublicKeyNeedsItsOriginsAndShowsTheEmbedSnippet() {
        Pages.signIn(browser, ADMIN, Pages.PASSWORD);
        browser.visible("#nav-keys").click();
        browser.find("#key-name").sendKeys("Docs site");
        browser.find("#key-submit").click();
        assertThat(browser.visible("#key-error").getText()).contains("origins");

        browser.find("#key-origins").sendKeys("https://docs.example.com");
        browser.find("#key-submit").click();
        String shown = browser.visible("#key-created-key").getText();
        assertThat(shown).startsWith("dk_pub_");
        assertThat(browser.find("#key-created-snippet").getText()).isEqualTo(
                "<script src=\"http://127.0.0.1:" + port + "/widget.js\" data-key=\"" + shown + "\" defer></script>");
        Pages.assertNoScriptErrors(browser);
    }

}
