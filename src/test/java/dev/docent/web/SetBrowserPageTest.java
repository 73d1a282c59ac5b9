package dev.docent.web;

import static dev.docent.web.AdminSite.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The set browser in a real browser: a maintainer sees a set's pages and a page's
 * passages as the assistant does, searches inside the set, and renames it; the upload
 * form says when it would update an existing set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AdminSite.class)
class SetBrowserPageTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Api admin;

    String household;

    @BeforeEach
    void aSet() {
        admin = AdminSite.admin(port);
        AdminSite.deleteDocuments(admin);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tea.md",
                DocumentsPageTest.LISTS.replace("Lists", "Brewing tea")
                    .replace("Creating a list", "Water temperature")
                    .replace("A list is a mutable sequence written with square brackets, such as [1, 2, 3].",
                            "Green tea wants water at about 80 degrees Celsius; boiling water makes it bitter."));
        files.put("kitchen/tuples.md", DocumentsPageTest.TUPLES);
        household = admin.ingest("household", "Household guide", "https://example.org/house/", files);
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
    }

    @Test
    void aMaintainerBrowsesASetsPagesAndPassagesSearchesItAndRenamesIt() {
        Pages.signIn(browser, ADMIN, Pages.PASSWORD);
        browser.visible("#nav-documents").click();
        browser.visible("#documents-body tr")
            .findElement(By.cssSelector("button[aria-label='Browse Household guide']"))
            .click();

        assertThat(browser.visible("#set-heading").getText()).isEqualTo("Document set “Household guide”");
        browser.await(d -> browser.findAll("#set-pages-body tr").size() == 2);
        List<WebElement> rows = browser.findAll("#set-pages-body tr");
        List<String> tea = cells(rows.get(1));
        assertThat(cells(rows.get(0)).subList(0, 2)).containsExactly("Tuples", "kitchen/tuples.md");
        assertThat(tea.subList(0, 2)).containsExactly("Brewing tea", "tea.md");
        JsonPages pages = new JsonPages(admin, household);
        assertThat(tea.get(2)).isEqualTo(String.valueOf(pages.passagesOf("tea.md")));
        assertThat(tea.get(3)).isNotBlank();
        assertThat(rows.get(1).findElement(By.cssSelector("a")).getDomAttribute("href"))
            .isEqualTo("https://example.org/house/tea.md");
        assertThat(rows.get(1).findElement(By.cssSelector("a")).getDomAttribute("rel")).contains("noopener");
        assertThat(browser.find("#set-pages-range").getText()).isEqualTo("Pages 1–2 of 2");

        rows.get(1).findElement(By.cssSelector("button")).click();
        WebElement passages = browser.visible("#set-passages");
        assertThat(browser.find("#set-page-heading").getText()).isEqualTo("Passages of Brewing tea");
        List<String> heads = passages.findElements(By.cssSelector(".passage-head"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(heads).contains("Water temperature #water-temperature");
        assertThat(passages.getText()).contains("Green tea wants water at about 80 degrees Celsius");
        assertThat(heads).hasSize(pages.passagesOf("tea.md"));

        browser.find("#set-search-input").sendKeys("how hot should the water be", Keys.ENTER);
        WebElement hit = browser.visible("#set-search-results li");
        assertThat(hit.getText()).contains("tea.md").contains("80 degrees");

        WebElement title = browser.find("#set-edit-title");
        title.clear();
        title.sendKeys("Home handbook");
        browser.find("#set-edit-save").click();
        browser.await(d -> browser.find("#set-heading").getText().equals("Document set “Home handbook”"));
        browser.await(d -> browser.find("#documents-body tr th").getText().equals("Home handbook"));
        assertThat(admin.get("/api/v1/documents/" + household).json().get("title").asString())
            .isEqualTo("Home handbook");
        assertThat(admin.get("/api/v1/documents/" + household).json().get("chunkCount").asInt())
            .isEqualTo(pages.passagesOf("tea.md") + pages.passagesOf("kitchen/tuples.md"));
        Screenshots.take(browser, "set-browser");

        browser.find("#set-edit-base-url").clear();
        browser.find("#set-edit-base-url").sendKeys("javascript:alert(1)", Keys.ENTER);
        browser.await(d -> !browser.find("#set-edit-error").getText().isEmpty());
        assertThat(browser.find("#set-edit-error").getText()).startsWith("Base URL of the published pages: must be");
        assertThat(Pages.unlabelledControls(browser)).isEmpty();
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void theUploadFormSaysWhenItWouldUpdateAnExistingSet() {
        Pages.signIn(browser, ADMIN, Pages.PASSWORD);
        browser.visible("#nav-documents").click();
        browser.visible("#documents-body tr");
        WebElement notice = browser.find("#upload-updates");

        browser.find("#upload-title").sendKeys("Household");
        assertThat(browser.find("#upload-slug").getDomProperty("value")).isEqualTo("household");
        assertThat(notice.isDisplayed()).isTrue();
        assertThat(notice.getText())
            .isEqualTo("This updates the existing set “Household guide”: only pages that changed are read again.");

        browser.find("#upload-slug").sendKeys("-2");
        assertThat(notice.isDisplayed()).isFalse();
    }

    static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    /** The set's pages as the API lists them. */
    record JsonPages(Api admin, String set) {

        int passagesOf(String path) {
            for (var page : admin.get("/api/v1/documents/" + set + "/pages").json().get("items")) {
                if (page.get("path").asString().equals(path)) {
                    return page.get("passages").asInt();
                }
            }
            throw new AssertionError("no page " + path);
        }
    }

}
