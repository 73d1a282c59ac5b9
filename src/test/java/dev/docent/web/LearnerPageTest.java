package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * What a learner meets first, with no language model configured: the new-chat dialog,
 * starter questions, citation previews on a phone, a chat whose document set is gone, and
 * signing out in one of several tabs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AdminSite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerPageTest {

    static final String TEA = """
            # Tea at home

            ## Choose the water temperature

            Green tea wants water at about 80 degrees Celsius; boiling water makes it bitter and flat. Black tea \
            takes water just off the boil, and white tea somewhere between the two.

            ## Store the leaves

            Keep tea leaves in an airtight tin away from light, heat and strong smells; they stay fresh for about \
            a year that way.
            """;

    static final String PLANTS = """
            # Houseplants

            ## Water a cactus

            Water a cactus only when its soil has dried out completely, about once every three weeks in winter, \
            and never let its pot stand in water.
            """;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Api admin;

    String teaId;

    @BeforeAll
    void documents() {
        admin = AdminSite.admin(port);
        AdminSite.deleteDocuments(admin);
        teaId = admin.ingest("tea", "Tea at home", "https://example.org/tea/", Map.of("tea.md", TEA));
        admin.ingest("plants", "Houseplants", Map.of("plants.md", PLANTS));
    }

    @AfterAll
    void deleteDocuments() {
        AdminSite.deleteDocuments(admin);
    }

    @Test
    void withoutAModelTheDialogOffersTheDocumentsAndStarterQuestionsAskThem() {
        browser.clearCookies();
        browser.open(url("/"));
        browser.visible("#signin-form");
        assertThat(browser.consoleLog()).as("a signed-out page logs no failed request").isEmpty();
        Api learner = signUp();
        assertThat(learner.get("/api/v1/assistant").json().get("modelConfigured").asBoolean()).isFalse();

        browser.await(d -> browser.find("#category-docs").isSelected());
        assertThat(browser.find("#category-general").isSelected()).isFalse();
        assertThat(browser.visible("#model-hint").getText()).contains("DOCENT_LLM_PROVIDER");
        new Select(browser.find("#document-select")).selectByVisibleText("Tea at home (1 page)");
        List<String> starters = browser.await(d -> {
            List<String> texts = browser.findAll("#starters:not([hidden]) .starter")
                .stream()
                .map(WebElement::getText)
                .toList();
            return texts.isEmpty() ? null : texts;
        });
        assertThat(starters).containsExactlyInAnyOrder("How do I choose the water temperature?",
                "How do I store the leaves?");

        browser.findAll(".starter")
            .stream()
            .filter(s -> s.getText().equals("How do I choose the water temperature?"))
            .findFirst()
            .orElseThrow()
            .click();
        Pages.awaitAnswered(browser);

        assertThat(browser.find(".message.user .content").getText())
            .isEqualTo("How do I choose the water temperature?");
        String chatId = browser.await(d -> d.getCurrentUrl().matches(".*/chats/[0-9a-f-]{36}$")
                ? d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1) : null);
        JsonNode chat = learner.get("/api/v1/chats/" + chatId).json();
        assertThat(chat.get("category").asString()).isEqualTo("OFFICIAL_DOCS");
        assertThat(chat.get("documentId").asString()).isEqualTo(teaId);
        assertThat(browser.find("#starters").isDisplayed()).isFalse();
        WebElement preview = browser.await(d -> browser.findAll(".chat-item .chat-preview")
            .stream()
            .filter(p -> !p.getText().isBlank())
            .findFirst()
            .orElse(null));
        assertThat(preview.getText()).doesNotContain("**", "`", "##");
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void onATouchScreenACitationPreviewOpensOnTapAndStaysOnScreen() {
        browser.clearCookies();
        browser.open(url("/"));
        signUp();
        browser.await(d -> browser.find("#category-docs").isSelected());
        new Select(browser.find("#document-select")).selectByVisibleText("Tea at home (1 page)");
        browser.find("#composer-input").sendKeys("How long do tea leaves stay fresh in a tin?", Keys.ENTER);
        Pages.awaitAnswered(browser);
        String page = browser.driver().getWindowHandle();

        browser.driver()
            .executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        browser.driver()
            .executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        try {
            WebElement citation = browser.visible(".message.assistant .content a.citation");
            browser.script("arguments[0].scrollIntoView({block: 'start'})", citation);
            WebElement snippet = citation.findElement(By.cssSelector(".snippet"));
            assertThat(snippet.isDisplayed()).isFalse();

            tap(citation);

            browser.await(d -> snippet.isDisplayed());
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) browser
                .script("""
                        const r = arguments[0].getBoundingClientRect();
                        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                                 width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };""",
                        snippet);
            assertThat(number(box, "left")).isGreaterThanOrEqualTo(0);
            assertThat(number(box, "top")).isGreaterThanOrEqualTo(0);
            assertThat(number(box, "right")).isLessThanOrEqualTo(number(box, "width"));
            assertThat(number(box, "bottom")).isLessThanOrEqualTo(number(box, "height"));
            assertThat(browser.driver().getWindowHandles()).as("the first tap does not follow the link").hasSize(1);

            tap(browser.find("#chat-title"));
            browser.await(d -> !snippet.isDisplayed());
        }
        finally {
            browser.driver().executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
            browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.driver().switchTo().window(page);
        }
    }

    @Test
    void aChatWhoseDocumentSetWasDeletedSaysSoAndGoesOnInPlaceOverAllTheSets() {
        String goneId = admin.ingest("gone", "Soon gone", Map.of("gone.md", PLANTS.replace("Houseplants", "Gone")));
        browser.clearCookies();
        browser.open(url("/"));
        Api learner = signUp();
        Api.Response created = learner.post("/api/v1/chats",
                "{\"message\":\"How often should I water a cactus?\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\""
                        + goneId + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String chatId = created.json().get("chat").get("id").asString();
        admin.delete("/api/v1/documents/" + goneId);

        browser.open(url("/chats/" + chatId));
        assertThat(browser.visible("#chat-notice").getText()).contains("was deleted");
        assertThat(browser.find("#chat-subtitle").getText()).isEqualTo("Official documentation");
        assertThat(browser.find("#composer-input").isEnabled()).as("nothing to answer from until the user chooses")
            .isFalse();
        browser.find("#continue-all").click();

        browser.await(d -> !browser.find("#chat-notice").isDisplayed());
        assertThat(browser.driver().getCurrentUrl()).as("the same chat").endsWith("/chats/" + chatId);
        assertThat(browser.find("#chat-subtitle").getText())
            .isEqualTo("Official documentation \u00b7 All document sets");
        assertThat(browser.findAll(".message")).as("with its history").hasSize(2);
        WebElement input = browser.find("#composer-input");
        assertThat(input.isEnabled()).isTrue();
        assertThat(focused()).isEqualTo(input);
        assertThat(learner.get("/api/v1/chats/" + chatId).json().get("documentId")).isNull();

        input.sendKeys("How long do tea leaves stay fresh in a tin?", Keys.ENTER);
        browser.await(d -> browser.findAll(".message.assistant").size() == 2);
        Pages.awaitAnswered(browser);
        assertThat(Pages.answer(browser).findElements(By.cssSelector(".content a.citation"))).isNotEmpty();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/chats/" + chatId);
        JsonNode chat = learner.get("/api/v1/chats/" + chatId).json();
        assertThat(chat.get("messages")).hasSize(4);
        assertThat(chat.get("messages").get(3).get("sources").get(0).get("documentId").asString())
            .as("answered from a set the chat was not started on")
            .isEqualTo(teaId);
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void theDeleteDialogStartsOnCancelAndASkipLinkLeadsToTheConversation() {
        browser.clearCookies();
        browser.open(url("/"));
        Api learner = signUp();
        String chatId = learner.newChat("Hello there");
        browser.open(url("/chats/" + chatId));
        browser.await(d -> browser.findAll(".message").size() == 2);

        WebElement skip = (WebElement) browser
            .script("return document.getElementById('app').querySelector('a[href], button, input, select, textarea')");
        assertThat(skip.getDomAttribute("class")).as("the first stop of the keyboard in the app")
            .isEqualTo("skip-link");
        browser.script("arguments[0].focus()", skip);
        assertThat(skip.isDisplayed()).as("shown when focused").isTrue();
        assertThat(skip.getRect().getY()).isGreaterThanOrEqualTo(0);
        skip.sendKeys(Keys.ENTER);
        browser.await(d -> "messages".equals(focused().getDomAttribute("id")));

        WebElement item = browser.visible(".chat-item[data-id='" + chatId + "']");
        item.findElement(By.cssSelector(".chat-menu-button")).click();
        browser.visible(".chat-menu [data-action='delete']").click();
        browser.visible("#confirm-dialog");
        assertThat(focused().getDomAttribute("id")).isEqualTo("confirm-cancel");
        focused().sendKeys(Keys.ENTER);
        browser.await(d -> !browser.find("#confirm-dialog").isDisplayed());
        assertThat(learner.get("/api/v1/chats/" + chatId).status()).as("Enter on Cancel deletes nothing")
            .isEqualTo(200);
    }

    @Test
    void signingOutInOneTabSignsOutTheOthers() {
        browser.clearCookies();
        browser.open(url("/"));
        signUp();
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        String second = browser.driver().getWindowHandle();
        try {
            browser.open(url("/"));
            browser.visible("#app");
            browser.driver().switchTo().window(first);
            browser.find("#signout").click();
            browser.visible("#signin-form");

            browser.driver().switchTo().window(second);
            assertThat(browser.visible("#signin-form").isDisplayed()).isTrue();
            assertThat(browser.find("#signin-notice").getText()).isEqualTo("You signed out in another tab.");
            assertThat(browser.find("#app").isDisplayed()).isFalse();
        }
        finally {
            browser.driver().close();
            browser.driver().switchTo().window(first);
        }
    }

    Api signUp() {
        String username = Pages.newUsername();
        Pages.signUp(browser, username);
        return new Api(port).login(username, Pages.PASSWORD);
    }

    /** A finger's tap in the middle of {@code element}, as a touch screen sends it. */
    void tap(WebElement element) {
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) browser.script("""
                const r = arguments[0].getBoundingClientRect();
                return { x: r.left + Math.min(r.width / 2, 6), y: r.top + r.height / 2 };""", element);
        List<Map<String, Object>> touch = List.of(Map.of("x", point.get("x"), "y", point.get("y")));
        browser.driver()
            .executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", touch));
        browser.driver()
            .executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static List<String> messages(List<LogEntry> log) {
        return log.stream().map(LogEntry::getMessage).toList();
    }

}
