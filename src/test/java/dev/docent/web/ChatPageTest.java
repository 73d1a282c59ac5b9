package dev.docent.web;

import static dev.docent.support.OpenAiStub.slowTokens;
import static dev.docent.support.OpenAiStub.slowly;
import static dev.docent.support.OpenAiStub.streamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import dev.docent.support.OpenAiStub;
import dev.docent.support.SseStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The web app in a real browser: the application on a random port with real PostgreSQL
 * and Redis, the language model a WireMock server streaming OpenAI chat completions, and
 * headless Chromium clicking and typing as a person would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ChatPageTest.StubModel.class)
class ChatPageTest {

    static final OpenAiStub model = new OpenAiStub();
    static final String PASSWORD = Pages.PASSWORD;

    static class StubModel implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            model.configure(context, Duration.ofSeconds(15));
        }

    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    String username;

    @AfterAll
    static void stopModel() {
        model.stop();
    }

    @BeforeEach
    void freshUserAndStubs() {
        model.reset();
        model.titles("Reversing a list");
        username = Pages.newUsername();
        browser.clearCookies();
        browser.open(url("/"));
    }

    @Test
    void signUpAskStreamReloadRenameSearchDeleteAndSignOut() {
        model.answers(
                slowly(List.of("Reverse ", "it ", "with ", "a ", "slice:", "\n\n```python\n", "items[::-1]\n", "```\n"),
                        Duration.ofMillis(1600)));
        signUp();

        WebElement input = browser.visible("#composer-input");
        input.sendKeys("How do I reverse a list?", Keys.chord(Keys.SHIFT, Keys.ENTER), "In Python.");
        assertThat(input.getDomProperty("value")).isEqualTo("How do I reverse a list?\nIn Python.");
        assertThat(browser.findAll(".message")).as("Shift+Enter does not send").isEmpty();
        input.sendKeys(Keys.ENTER);

        WebElement streaming = browser.visible(".message.assistant.streaming .content");
        browser.await(d -> streaming.getText().contains("Reverse") ? streaming : null);
        assertThat(streaming.getText()).as("shown while it streams, before the code block arrived")
            .doesNotContain("items[::-1]");
        awaitAnswered();
        assertThat(browser.find(".message.user .content").getText()).isEqualTo("How do I reverse a list?\nIn Python.");
        assertThat(answer().getText()).startsWith("Reverse it with a slice:");
        assertThat(browser.find(".message.assistant pre code").getText()).isEqualTo("items[::-1]");
        assertThat(browser.find(".message.assistant pre button.copy").isDisplayed()).isTrue();
        String chatId = browser.await(d -> d.getCurrentUrl().matches(".*/chats/[0-9a-f-]{36}$")
                ? d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1) : null);
        awaitSidebarTitles("Reversing a list");
        Screenshots.take(browser, "chat");

        browser.driver().navigate().refresh();
        browser.visible("#app");
        assertThat(browser.find("#signin").isDisplayed()).isFalse();
        browser.await(d -> browser.findAll(".message").size() == 2);
        assertThat(answer().getText()).startsWith("Reverse it with a slice:");
        awaitSidebarTitles("Reversing a list");
        assertThat(browser.script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat((String) browser.script("return document.cookie")).doesNotContain("docent_refresh");

        chatAction("rename");
        WebElement title = browser.visible("#rename-input");
        title.clear();
        title.sendKeys("Reversing lists", Keys.ENTER);
        awaitSidebarTitles("Reversing lists");
        browser.await(d -> browser.find("#chat-title").getText().equals("Reversing lists"));

        model.answers(streamed(List.of("Another ", "answer.")));
        browser.visible("#new-chat").click();
        browser.visible("#composer-input").sendKeys("What is a tuple?", Keys.ENTER);
        awaitAnswered();
        awaitSidebarTitles("Reversing a list", "Reversing lists");

        WebElement search = browser.find("#chat-search");
        search.sendKeys("Reversing lists");
        awaitSidebarTitles("Reversing lists");
        search.clear();
        search.sendKeys("no chat is called this");
        browser.await(d -> browser.find("#chat-list-status").getText().contains("No chats match"));
        search.sendKeys(Keys.ESCAPE);
        awaitSidebarTitles("Reversing a list", "Reversing lists");

        browser.find(".chat-item[data-id='" + chatId + "'] .chat-link").click();
        browser.await(d -> browser.find("#chat-title").getText().equals("Reversing lists"));
        chatAction("delete");
        assertThat(browser.visible("#confirm-text").getText()).contains("Reversing lists");
        browser.find("#confirm-ok").click();
        awaitSidebarTitles("Reversing a list");
        browser.await(d -> d.getCurrentUrl().endsWith(":" + port + "/"));
        assertThat(api().get("/api/v1/chats/" + chatId).status()).isEqualTo(404);

        browser.find("#signout").click();
        browser.visible("#signin-form");
        browser.driver().navigate().refresh();
        browser.visible("#signin-form");
        assertThat(browser.find("#app").isDisplayed()).isFalse();
        assertNoScriptErrors();
    }

    @Test
    void stoppingAStreamingAnswerKeepsWhatWasWritten() {
        List<String> tokens = slowTokens(40);
        model.answers(slowly(tokens, Duration.ofSeconds(8)));
        signUp();

        browser.visible("#composer-input").sendKeys("Tell me everything", Keys.ENTER);
        WebElement streaming = browser.visible(".message.assistant.streaming .content");
        browser.await(d -> streaming.getText().contains("w01"));
        browser.visible("#stop").click();
        awaitAnswered();

        String partial = answer().getText();
        assertThat(partial).startsWith("w00 w01").doesNotContain(tokens.getLast().strip());
        assertThat(browser.find(".message.assistant .note").getText()).contains("cut short");
        assertThat(browser.visible("#send").isDisplayed()).isTrue();

        browser.driver().navigate().refresh();
        browser.await(d -> browser.findAll(".message").size() == 2);
        assertThat(answer().getText()).isEqualTo(partial);
        assertThat(browser.find(".message.assistant .note").getText()).contains("cut short");
    }

    @Test
    void aFailingModelShowsAMessageAndTheConversationGoesOn() {
        model.answers(OpenAiStub.failing(500));
        signUp();

        browser.visible("#composer-input").sendKeys("Are you there?", Keys.ENTER);

        assertThat(browser.visible("#chat-error").getText()).contains("The language model failed to answer");
        awaitAnswered();
        assertThat(browser.find(".message.user .content").getText()).isEqualTo("Are you there?");

        model.answers(streamed(List.of("Yes, ", "now.")));
        browser.find("#composer-input").sendKeys("And now?", Keys.ENTER);
        browser.await(d -> browser.findAll(".message.assistant").size() == 2
                && browser.findAll(".message.streaming").isEmpty());
        assertThat(browser.find("#chat-error").isDisplayed()).isFalse();
        assertThat(browser.findAll(".message.assistant .content").getLast().getText()).isEqualTo("Yes, now.");
    }

    @Test
    void aBusyChatShowsWhyAndKeepsTheDraft() {
        model.answers(streamed(List.of("Hello.")));
        signUp();
        Api api = api();
        String chatId = api.newChat("Hello");
        browser.open(url("/chats/" + chatId));
        browser.await(d -> browser.findAll(".message").size() == 2);

        model.answers(slowly(slowTokens(40), Duration.ofSeconds(8)));
        try (SseStream running = api.stream("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"Go on\"}")) {
            running.next("meta");
            running.next("sources");
            running.next("token");
            WebElement input = browser.find("#composer-input");
            input.sendKeys("Meanwhile, a question", Keys.ENTER);

            assertThat(browser.visible("#chat-error").getText()).contains("still being written");
            assertThat(input.getDomProperty("value")).isEqualTo("Meanwhile, a question");
            assertThat(browser.findAll(".message")).hasSize(2);
            api.post("/api/v1/chats/" + chatId + "/stop", "");
            running.rest();
        }
    }

    @Test
    void markupInAnAnswerIsShownAsTextAndNeverRun() {
        model.answers(streamed(List.of("Try <script>window.pwned = 1</script> ",
                "or <img src=x onerror=\"window.pwned = 2\"> here.")));
        signUp();

        browser.visible("#composer-input").sendKeys("Show me HTML", Keys.ENTER);
        awaitAnswered();

        assertThat(answer().getText())
            .isEqualTo("Try <script>window.pwned = 1</script> or <img src=x onerror=\"window.pwned = 2\"> here.");
        assertThat(browser.findAll(".message.assistant script, .message.assistant img")).isEmpty();
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.driver().navigate().refresh();
        browser.await(d -> browser.findAll(".message").size() == 2);
        assertThat(answer().getText()).contains("<script>window.pwned = 1</script>");
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        assertNoScriptErrors();
    }

    @Test
    void olderMessagesLoadWhenScrolledUp() {
        model.answers(streamed(List.of("Noted.")));
        signUp();
        Api api = api();
        String chatId = api.newChat("Question 0");
        for (int i = 1; i < 55; i++) {
            assertThat(
                    api.post("/api/v1/chats/" + chatId + "/messages", "{\"message\":\"Question " + i + "\"}").status())
                .isEqualTo(200);
        }

        browser.open(url("/chats/" + chatId));
        browser.await(d -> browser.findAll(".message").size() == 100);
        assertThat(browser.find(".message.user .content").getText()).isEqualTo("Question 5");

        browser.script("document.getElementById('messages').scrollTop = 0");

        browser.await(d -> browser.findAll(".message").size() == 110);
        assertThat(browser.find(".message.user .content").getText()).isEqualTo("Question 0");
        assertThat(browser.visible("#older-status").getText()).contains("start of the conversation");
    }

    @Test
    void thePhoneLayoutHidesTheChatListBehindAButton() {
        model.answers(streamed(List.of("Small ", "screens.")));
        signUp();
        browser.visible("#composer-input").sendKeys("Phones?", Keys.ENTER);
        awaitAnswered();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 800));

        browser.await(d -> !browser.find("#sidebar").isDisplayed());
        browser.find("#menu-toggle").click();
        WebElement item = browser.visible(".chat-item .chat-link");
        assertThat(browser.find("#menu-toggle").getDomAttribute("aria-expanded")).isEqualTo("true");
        item.click();
        browser.await(d -> !browser.find("#sidebar").isDisplayed());
        assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
            .as("nothing wider than the phone")
            .isLessThanOrEqualTo(390L);
    }

    @Test
    void theChatListWorksWithTheKeyboardAlone() {
        model.answers(streamed(List.of("Fine.")));
        signUp();
        browser.visible("#composer-input").sendKeys("Keyboard only?", Keys.ENTER);
        awaitAnswered();
        awaitSidebarTitles("Reversing a list");

        browser.find("#chat-search").sendKeys(Keys.TAB);
        assertThat(focused().getDomAttribute("class")).isEqualTo("chat-link");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getDomAttribute("aria-label")).isEqualTo("Actions for Reversing a list");
        focused().sendKeys(Keys.ENTER);
        browser.await(d -> focused().getText().equals("Rename"));
        focused().sendKeys(Keys.ARROW_UP);
        assertThat(focused().getText()).isEqualTo("Delete");
        focused().sendKeys(Keys.ESCAPE);
        assertThat(browser.find(".chat-menu").isDisplayed()).isFalse();
        assertThat(focused().getDomAttribute("aria-label")).isEqualTo("Actions for Reversing a list");

        focused().sendKeys(Keys.ENTER);
        browser.await(d -> focused().getText().equals("Rename"));
        focused().sendKeys(Keys.ENTER);
        browser.await(d -> "rename-input".equals(focused().getDomAttribute("id")));
        focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), "Typed, not clicked", Keys.ENTER);
        awaitSidebarTitles("Typed, not clicked");
        assertThat(focused().getDomAttribute("aria-label")).as("focus returns to the menu button")
            .isEqualTo("Actions for Typed, not clicked");
    }

    @Test
    void everyControlIsLabelledAndTheThemeFollowsTheSystem() {
        model.answers(streamed(List.of("Labels.")));
        signUp();
        browser.visible("#composer-input").sendKeys("Labels?", Keys.ENTER);
        awaitAnswered();

        assertThat(Pages.unlabelledControls(browser)).isEmpty();

        String light = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
        colorScheme("dark");
        try {
            String dark = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
            assertThat(light).isEqualTo("rgb(247, 247, 249)");
            assertThat(dark).isEqualTo("rgb(22, 24, 28)");
        }
        finally {
            colorScheme("light");
        }
        assertNoScriptErrors();
    }

    @Test
    void exportDownloadsTheConversation(@TempDir Path downloads) {
        model.answers(streamed(List.of("Use ", "`reversed()`.")));
        signUp();
        browser.visible("#composer-input").sendKeys("Reverse?", Keys.ENTER);
        awaitAnswered();
        browser.driver()
            .executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        chatAction("markdown");
        Path markdown = browser.await(d -> onlyFile(downloads, ".md"));
        chatAction("json");
        Path json = browser.await(d -> onlyFile(downloads, ".json"));

        assertThat(markdown).content().contains("Reverse?", "Use `reversed()`.");
        assertThat(Api.JSON.readTree(json.toFile()).get("messages")).hasSize(2);
    }

    /**
     * The renderer's edge cases, given sources directly: a number with no source and a
     * number in code stay text. Real documentation answers are followed end to end in
     * {@link CitedAnswerPageTest}.
     */
    @Test
    void citationsLinkToTheirSourceAndShowTheSnippetOnHover() {
        signUp();
        browser.visible("#composer-input");

        browser.driver()
            .executeAsyncScript(
                    """
                            const done = arguments[arguments.length - 1];
                            import('/app/markdown.js').then(({ renderMarkdown }) => {
                              const content = document.createElement('div');
                              content.id = 'rendered';
                              document.getElementById('message-list').append(content);
                              renderMarkdown(content, 'Use `sorted()` [1], or `list.sort()` [2]. Not [3], and not `[1]`.', [
                                { n: 1, documentTitle: 'Python 3.11', page: 'howto/sorting.html', section: 'Sorting Basics',
                                  url: '/docs/howto/sorting.html#sorting-basics', snippet: 'A simple ascending sort is easy', score: 2 },
                                { n: 2, documentTitle: 'Python 3.11', page: 'library/stdtypes.html', section: 'list.sort',
                                  url: 'https://docs.python.org/3/library/stdtypes.html#list.sort', snippet: 'sorts the list in place', score: 1 }]);
                              done();
                            });""");

        List<WebElement> citations = browser.findAll("#rendered a.citation");
        assertThat(citations).hasSize(2);
        assertThat(citations.get(0).getDomAttribute("href")).isEqualTo("/docs/howto/sorting.html#sorting-basics");
        assertThat(citations.get(1).getDomAttribute("href"))
            .isEqualTo("https://docs.python.org/3/library/stdtypes.html#list.sort");
        assertThat(citations.get(1).getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(browser.find("#rendered").getText()).as("no source 3; code is not cited")
            .endsWith("Not [3], and not [1].");
        WebElement snippet = citations.get(0).findElement(By.cssSelector(".snippet"));
        assertThat(snippet.isDisplayed()).isFalse();
        new Actions(browser.driver()).moveToElement(citations.get(0)).perform();
        browser.await(d -> snippet.isDisplayed());
        assertThat(snippet.getText())
            .isEqualTo("Python 3.11 · howto/sorting.html · Sorting Basics — A simple ascending sort is easy");
    }

    // ---- helpers

    /**
     * The one completely downloaded file whose name ends with {@code suffix}, or null.
     */
    static Path onlyFile(Path dir, String suffix) {
        try (var files = java.nio.file.Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
            return found.size() == 1 ? found.getFirst() : null;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    void colorScheme(String scheme) {
        browser.driver()
            .executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    void assertNoScriptErrors() {
        Pages.assertNoScriptErrors(browser);
    }

    void signUp() {
        Pages.signUp(browser, username);
    }

    /** The signed-up user, through the JSON API. */
    Api api() {
        Api.Response login = new Api(port).post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        return new Api(port).as(login.json().get("accessToken").asString());
    }

    void awaitAnswered() {
        Pages.awaitAnswered(browser);
    }

    WebElement answer() {
        return browser.findAll(".message.assistant .content").getLast();
    }

    void awaitSidebarTitles(String... titles) {
        browser.await(d -> browser.findAll(".chat-item .chat-title")
            .stream()
            .map(WebElement::getText)
            .sorted()
            .toList()
            .equals(java.util.Arrays.stream(titles).sorted().toList()));
    }

    /** Opens the menu of the open chat's sidebar entry and picks {@code action}. */
    void chatAction(String action) {
        WebElement item = browser.findAll(".chat-item")
            .stream()
            .filter(i -> i.findElement(By.cssSelector(".chat-link")).getDomAttribute("aria-current") != null)
            .findFirst()
            .orElseThrow();
        item.findElement(By.cssSelector(".chat-menu-button")).click();
        browser.await(d -> item.findElement(By.cssSelector("[data-action='" + action + "']")).isDisplayed());
        item.findElement(By.cssSelector("[data-action='" + action + "']")).click();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

}
