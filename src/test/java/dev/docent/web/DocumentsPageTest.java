package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.account.CurrentUser;
import dev.docent.account.Role;
import dev.docent.support.Api;
import dev.docent.support.Browser;
import dev.docent.support.ServicesInitializer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The ADMIN's documents page in a real browser. The documents API belongs to the knowledge module; here
 * a stand-in speaking its contract (list, multipart upload → job, job progress, delete) answers in its
 * place, so the page is tested on its own, whether or not the real one is on this branch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DocumentsPageTest.WithAdmin.class)
@Import(DocumentsPageTest.StandIn.class)
class DocumentsPageTest {

    static final String ADMIN = "page-admin";
    static final String PASSWORD = "correct horse battery";

    static class WithAdmin extends ServicesInitializer {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("docent.admin.username=" + ADMIN, "docent.admin.password=" + PASSWORD)
                    .applyTo(context);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StandIn {
        @Bean
        DocumentsApi documentsApi() {
            return new DocumentsApi();
        }
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    DocumentsApi documents;

    @BeforeEach
    void signedOutWithNoDocuments() {
        documents.clear();
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
    }

    @Test
    void anAdminUploadsFollowsTheIngestionAndDeletes(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("tutorial.md"), "# Lists\n\nA list is a sequence.\n");
        signIn(ADMIN);

        browser.visible("#nav-documents").click();
        assertThat(browser.visible("#documents-status").getText()).isEqualTo("No document sets yet. Upload one above.");
        browser.find("#upload-title").sendKeys("Python 3.11");
        assertThat(browser.find("#upload-slug").getDomProperty("value")).isEqualTo("python-3.11");
        browser.find("#upload-files").sendKeys(page.toString());
        browser.find("#upload-submit").click();

        WebElement progress = browser.visible(".ingestion");
        browser.await(d -> progress.getText().contains("Ingesting: 1 of 3 pages"));
        browser.await(d -> progress.getText().contains("Done: 3 of 3 pages, 12 passages."));
        WebElement row = browser.visible("#documents-body tr");
        assertThat(row.getText()).contains("Python 3.11", "python-3.11", "3", "12");
        assertThat(documents.uploads).containsExactly("Python 3.11|python-3.11|tutorial.md");
        browser.script("document.getElementById('documents-page').scrollTop = 200");
        Screenshots.take(browser, "documents");

        browser.find("#new-chat").click();
        WebElement docs = browser.visible("#category-docs");
        browser.await(d -> docs.isEnabled());
        docs.click();
        assertThat(browser.visible("#document-select").getText()).contains("Python 3.11");

        browser.find("#nav-documents").click();
        browser.visible("#documents-body tr button.danger").click();
        assertThat(browser.visible("#confirm-text").getText()).contains("Python 3.11");
        browser.find("#confirm-ok").click();
        browser.await(d -> browser.find("#documents-status").getText().startsWith("No document sets yet"));
        assertThat(documents.byId).isEmpty();
    }

    @Test
    void aFailedIngestionSaysWhy(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.pdf"), "not a pdf");
        signIn(ADMIN);
        browser.visible("#nav-documents").click();

        browser.visible("#upload-title").sendKeys("Broken");
        browser.find("#upload-files").sendKeys(broken.toString());
        browser.find("#upload-submit").click();

        browser.await(d -> browser.find(".ingestion").getText().contains("Failed: broken.pdf is not a readable PDF."));
        assertThat(browser.find("#documents-table").isDisplayed()).isFalse();
    }

    @Test
    void aUserSeesNoDocumentsPage() {
        Api anonymous = new Api(port);
        String user = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        anonymous.post("/api/v1/auth/signup", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        signIn(user);

        assertThat(browser.find("#nav-documents").isDisplayed()).isFalse();
        browser.open("http://127.0.0.1:" + port + "/documents");
        browser.visible("#conversation");
        assertThat(browser.find("#documents-page").isDisplayed()).isFalse();
        browser.await(d -> browser.find("#documents-hint").getText()
                .equals("No document sets yet. An administrator can add them."));
        assertThat(browser.find("#category-docs").isEnabled()).as("no document sets to choose").isFalse();
    }

    void signIn(String username) {
        browser.visible("#signin-username").sendKeys(username);
        browser.find("#signin-password").sendKeys(PASSWORD, Keys.ENTER);
        browser.await(d -> browser.find("#user-name").getText().equals(username));
    }

    /**
     * The documents API's contract, in memory: a job moves one step each time it is polled
     * (QUEUED, then RUNNING page by page, then DONE, or FAILED for a file called broken.pdf).
     */
    static class DocumentsApi extends OncePerRequestFilter {

        record Document(String id, String slug, String title, int pageCount, int chunkCount, Instant ingestedAt) {
        }

        record Job(String title, String slug, boolean broken, AtomicInteger polls) {
        }

        static final int PAGES = 3;
        final Map<String, Document> byId = new ConcurrentHashMap<>();
        final Map<String, Job> jobs = new ConcurrentHashMap<>();
        final List<String> uploads = new CopyOnWriteArrayList<>();

        void clear() {
            byId.clear();
            jobs.clear();
            uploads.clear();
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String uri = request.getRequestURI();
            return !uri.startsWith("/api/v1/documents") && !uri.startsWith("/api/v1/ingestions/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean admin = CurrentUser.find().map(u -> u.role() == Role.ADMIN).orElse(false);
            String uri = request.getRequestURI();
            String method = request.getMethod();
            if (CurrentUser.find().isEmpty()) {
                response.sendError(401);
            } else if (uri.equals("/api/v1/documents") && method.equals("GET")) {
                json(response, 200, byId.values().stream().map(Api.JSON::writeValueAsString).toList().toString());
            } else if (!admin) {
                response.sendError(403);
            } else if (uri.equals("/api/v1/documents") && method.equals("POST")) {
                upload(request, response);
            } else if (uri.startsWith("/api/v1/ingestions/") && method.equals("GET")) {
                progress(uri.substring("/api/v1/ingestions/".length()), response);
            } else if (uri.startsWith("/api/v1/documents/") && method.equals("DELETE")) {
                byId.remove(uri.substring("/api/v1/documents/".length()));
                response.setStatus(204);
            } else {
                response.sendError(405);
            }
        }

        private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            List<String> files = request.getParts().stream().filter(p -> p.getName().equals("files"))
                    .map(Part::getSubmittedFileName).toList();
            String title = request.getParameter("title");
            String slug = request.getParameter("slug");
            uploads.add(title + "|" + slug + "|" + String.join(",", files));
            String jobId = UUID.randomUUID().toString();
            jobs.put(jobId, new Job(title, slug, files.contains("broken.pdf"), new AtomicInteger()));
            json(response, 202, "{\"jobId\":\"" + jobId + "\"}");
        }

        private void progress(String jobId, HttpServletResponse response) throws IOException {
            Job job = jobs.get(jobId);
            int poll = job.polls().getAndIncrement();
            String state = poll == 0 ? "QUEUED" : job.broken() ? "FAILED" : poll <= PAGES ? "RUNNING" : "DONE";
            int pages = Math.min(Math.max(poll, 0), PAGES);
            if (state.equals("DONE") && byId.values().stream().noneMatch(d -> d.slug().equals(job.slug()))) {
                String id = UUID.randomUUID().toString();
                byId.put(id, new Document(id, job.slug(), job.title(), PAGES, 12, Instant.now()));
            }
            json(response, 200, "{\"jobId\":\"" + jobId + "\",\"state\":\"" + state + "\",\"pagesDone\":" + pages
                    + ",\"pagesTotal\":" + PAGES + ",\"passages\":" + pages * 4
                    + (job.broken() ? ",\"error\":\"broken.pdf is not a readable PDF\"" : "") + "}");
        }

        private static void json(HttpServletResponse response, int status, String body) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
