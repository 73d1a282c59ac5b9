package dev.docent.web;

import static dev.docent.web.AdminSite.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The ADMIN's documents page in a real browser, against the real documents API: files
 * chosen in the page are uploaded, staged and ingested by the server (embeddings
 * included), and the page follows the job to its end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AdminSite.class)
class DocumentsPageTest {

    static final String LISTS = """
            # Lists

            ## Creating a list

            A list is a mutable sequence written with square brackets, such as [1, 2, 3].

            ## Appending

            Add an item at the end with list.append(x); list.extend(iterable) adds every item of another iterable.
            """;
    static final String TUPLES = """
            # Tuples

            ## Packing

            A tuple is an immutable sequence written with commas, such as 1, 2, 3, usually inside parentheses.
            """;
    static final String SORTING = """
            # Sorting

            ## Sorting basics

            sorted(iterable) returns a new sorted list; list.sort() sorts the list in place and returns None.
            """;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void signedOutWithNoDocuments() {
        admin = AdminSite.admin(port);
        AdminSite.deleteDocuments(admin);
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
    }

    @Test
    void anAdminUploadsPagesAndAZipFollowsTheIngestionAndDeletesTheSet(@TempDir Path dir) throws IOException {
        Path lists = write(dir, "lists.md", LISTS);
        Path tuples = write(dir, "tuples.md", TUPLES);
        Path zip = zip(dir, "more.zip", Map.of("howto/sorting.md", SORTING, "howto/broken.pdf", "not a PDF at all"));
        Pages.signIn(browser, ADMIN, Pages.PASSWORD);

        browser.visible("#nav-documents").click();
        browser
            .await(d -> browser.find("#documents-status").getText().equals("No document sets yet. Upload one above."));
        browser.find("#upload-title").sendKeys("Python Tutorial");
        assertThat(browser.find("#upload-slug").getDomProperty("value")).isEqualTo("python-tutorial");
        browser.find("#upload-base-url").sendKeys("https://example.org/tutorial/");
        browser.find("#upload-files").sendKeys(lists + "\n" + tuples + "\n" + zip);
        recordProgress();
        browser.find("#upload-submit").click();

        WebElement progress = browser.visible(".ingestion");
        browser.await(d -> progress.getText().contains("Done"));
        JsonNode document = admin.get("/api/v1/documents").json().get(0);
        assertThat(document.get("pageCount").asInt()).isEqualTo(3);
        assertThat(document.get("baseUrl").asString()).isEqualTo("https://example.org/tutorial/");
        int passages = document.get("chunkCount").asInt();
        assertThat(passages).isGreaterThanOrEqualTo(4);
        assertThat(progress.findElement(By.cssSelector("span")).getText())
            .isEqualTo("Done: “Python Tutorial” holds 3 pages and " + passages + " passages.");
        WebElement bar = progress.findElement(By.cssSelector("progress"));
        assertThat(bar.getDomProperty("value")).isEqualTo(bar.getDomProperty("max")).isEqualTo("4");
        assertThat(progressSeen()).as("queued or ingesting, then done, never going back")
            .allMatch(t -> t.equals("Queued…") || t.matches("Ingesting: [0-4] of 4 files read, \\d+ passages?…")
                    || t.startsWith("Done: "))
            .last()
            .asString()
            .startsWith("Done: ");

        JsonNode job = admin.get("/api/v1/ingestions/" + progress.getDomAttribute("data-job")).json();
        List<String> skipped = job.get("skipped").valueStream().map(JsonNode::asString).toList();
        assertThat(skipped).singleElement().asString().startsWith("howto/broken.pdf: ");
        progress.findElement(By.cssSelector(".skipped summary")).click();
        assertThat(progress.findElement(By.cssSelector(".skipped summary")).getText()).isEqualTo("1 file skipped");
        assertThat(progress.findElements(By.cssSelector(".skipped li")).stream().map(WebElement::getText))
            .isEqualTo(skipped);

        List<String> cells = browser.visible("#documents-body tr")
            .findElements(By.cssSelector("th, td"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(cells.subList(0, 4)).containsExactly("Python Tutorial", "python-tutorial", "3",
                String.valueOf(passages));
        assertThat(cells.get(4)).isNotBlank().isNotEqualTo("Being ingested…");
        browser.script("document.getElementById('documents-page').scrollTop = 200");
        Screenshots.take(browser, "documents");

        browser.find("#new-chat").click();
        WebElement docs = browser.visible("#category-docs");
        browser.await(d -> docs.isEnabled());
        docs.click();
        assertThat(browser.visible("#document-select").getText()).isEqualTo("Python Tutorial (3 pages)");

        browser.find("#nav-documents").click();
        browser.visible("#documents-body tr button.danger").click();
        assertThat(browser.visible("#confirm-text").getText()).contains("“Python Tutorial”");
        browser.find("#confirm-dialog [data-close]").click();
        browser.await(d -> !browser.find("#confirm-dialog").isDisplayed());
        assertThat(admin.get("/api/v1/documents").json()).as("cancelled").hasSize(1);

        browser.find("#documents-body tr button.danger").click();
        browser.visible("#confirm-ok").click();
        browser.await(d -> browser.find("#documents-status").getText().startsWith("No document sets yet"));
        assertThat(browser.find("#documents-table").isDisplayed()).isFalse();
        assertThat(admin.get("/api/v1/documents").json()).isEmpty();
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void uploadsTheServerRefusesSayWhyAndKeepTheForm(@TempDir Path dir) throws IOException {
        Path page = write(dir, "intro.md", LISTS);
        Path escaping = zip(dir, "escaping.zip", Map.of("../escape.md", LISTS));
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= AdminSite.MAX_FILES; i++) {
            many.put("page" + i + ".md", "# Page " + i);
        }
        Path tooMany = zip(dir, "many.zip", many);
        Path huge = write(dir, "huge.md", "x".repeat(3 * 1024 * 1024 / 2));
        Pages.signIn(browser, ADMIN, Pages.PASSWORD);
        browser.visible("#nav-documents").click();
        browser.visible("#upload-title").sendKeys("Notes");
        WebElement error = browser.find("#upload-error");
        WebElement slug = browser.find("#upload-slug");
        slug.clear();
        slug.sendKeys("my_notes", Keys.ENTER);
        assertThat(error.getText()).isEqualTo("The slug needs 1 to 64 lower-case letters, digits, dots or hyphens, "
                + "starting and ending with a letter or digit, such as python-3.11.");
        assertThat(focused().getDomAttribute("id")).isEqualTo("upload-slug");
        assertThat(slug.getDomAttribute("aria-invalid")).isEqualTo("true");

        slug.clear();
        slug.sendKeys("notes");
        assertThat(slug.getDomAttribute("aria-invalid")).as("cleared when edited").isNull();
        assertRefused(escaping, "The upload was refused. Files: not a safe file path: ../escape.md.", "upload-files");
        assertRefused(tooMany, "The upload was refused. The upload holds more than " + AdminSite.MAX_FILES + " files.",
                "upload-files");
        assertRefused(huge,
                "The upload was refused. The files are more than this server takes in one upload. "
                        + "Upload fewer at a time, or raise its limit (DOCENT_KNOWLEDGE_MAX_UPLOAD_SIZE).",
                "upload-files");

        browser.find("#upload-base-url").sendKeys("javascript:alert(1)");
        assertRefused(page, "The upload was refused. Base URL: must be an http(s) URL or a path starting with /, "
                + "at most 1000 characters, without user info, query or fragment (pages' paths are joined to it).",
                "upload-base-url");
        assertThat(browser.find("#upload-title").getDomProperty("value")).as("the form is kept").isEqualTo("Notes");
        assertThat(browser.findAll(".ingestion")).isEmpty();
        assertThat(admin.get("/api/v1/documents").json()).isEmpty();
        assertThat(Pages.unlabelledControls(browser)).isEmpty();
        Pages.assertNoScriptErrors(browser);
    }

    @Test
    void aUserSeesNoDocumentsPage() {
        String user = Pages.newUsername();
        Pages.signUp(browser, user);

        assertThat(browser.find("#nav-documents").isDisplayed()).isFalse();
        browser.open("http://127.0.0.1:" + port + "/documents");
        browser.visible("#conversation");
        assertThat(browser.find("#documents-page").isDisplayed()).isFalse();
        browser.await(d -> browser.find("#documents-hint")
            .getText()
            .equals("No document sets yet. An administrator can add them."));
        assertThat(browser.find("#category-docs").isEnabled()).as("no document sets to choose").isFalse();
    }

    /**
     * Chooses {@code file} alone, submits the form with the keyboard, and expects
     * {@code message}, with the field it is about marked invalid and focused.
     */
    void assertRefused(Path file, String message, String invalidId) {
        WebElement files = browser.find("#upload-files");
        browser.script("arguments[0].value = ''", files);
        files.sendKeys(file.toString());
        browser.find("#upload-title").sendKeys(Keys.ENTER);
        browser.await(
                d -> !browser.find("#upload-error").getText().isEmpty() && browser.find("#upload-submit").isEnabled());
        assertThat(browser.find("#upload-error").getText()).isEqualTo(message);
        assertThat(browser.find("#" + invalidId).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(focused().getDomAttribute("id")).isEqualTo(invalidId);
    }

    /** Every text the ingestion line shows, in order, from the next upload on. */
    void recordProgress() {
        browser
            .script("""
                    window.progressSeen = [];
                    new MutationObserver(() => document.querySelectorAll('#ingestions .ingestion > span').forEach((s) => {
                      if (window.progressSeen.at(-1) !== s.textContent) window.progressSeen.push(s.textContent);
                    })).observe(document.getElementById('ingestions'), { subtree: true, childList: true, characterData: true });""");
    }

    @SuppressWarnings("unchecked")
    List<String> progressSeen() {
        return (List<String>) browser.script("return window.progressSeen");
    }

    WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Path zip(Path dir, String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

}
