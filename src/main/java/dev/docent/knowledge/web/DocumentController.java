package dev.docent.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.IngestionJob;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.PageList;
import dev.docent.knowledge.PageView;
import dev.docent.knowledge.crawl.CrawlRequest;
import dev.docent.knowledge.crawl.SiteCrawls;
import dev.docent.knowledge.ingest.Ingestion;
import dev.docent.knowledge.starters.StarterQuestions;
import dev.docent.knowledge.upload.Uploads;
import dev.docent.shared.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The document sets: listed for everyone, uploaded and deleted by admins (the security
 * rules say who).
 */
@Tag(name = "Documents", description = "The document sets: listed for everyone, uploaded and deleted by admins")
@RestController
@RequestMapping("/api/v1")
class DocumentController {

    record Accepted(UUID jobId) {
    }

    private static final int MAX_PAGE_LIMIT = 200;

    record Starters(List<String> questions) {
    }

    static final int MAX_STARTERS = 10;

    private final KnowledgeBase knowledge;

    private final Uploads uploads;

    private final SiteCrawls crawls;

    DocumentController(KnowledgeBase knowledge, Uploads uploads, SiteCrawls crawls) {
        this.knowledge = knowledge;
        this.uploads = uploads;
        this.crawls = crawls;
    }

    @Operation(operationId = "listDocuments", summary = "List the document sets")
    @GetMapping("/documents")
    List<DocumentView> documents() {
        return knowledge.documents();
    }

    @Operation(operationId = "getDocument", summary = "Read a document set")
    @GetMapping("/documents/{id}")
    DocumentView document(@PathVariable UUID id) {
        return knowledge.document(id).orElseThrow(() -> Problem.notFound("Document " + id));
    }

    /**
     * New values for a set; an absent one stays as it is, a blank base URL removes it.
     */
    record DocumentEdit(String title, String baseUrl) {
    }

    @Operation(operationId = "editDocument",
            summary = "Change a document set's title or base URL without re-ingesting it (ADMIN)")
    @ApiResponse(responseCode = "200", description = "The set with its new title and base URL")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @PatchMapping("/documents/{id}")
    DocumentView edit(@PathVariable UUID id, @RequestBody DocumentEdit edit) {
        return knowledge.edit(id, edit.title(), edit.baseUrl());
    }

    @Operation(operationId = "listDocumentPages", summary = "List a document set's pages, by path")
    @GetMapping("/documents/{id}/pages")
    PageList<PageView> pages(@PathVariable UUID id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0) {
            throw Problem.invalid("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE_LIMIT) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_PAGE_LIMIT);
        }
        return knowledge.pages(id, offset, limit);
    }

    @Operation(operationId = "getDocumentPage",
            summary = "Read a page of a document set with its passages exactly as chunked")
    @GetMapping("/documents/{id}/pages/{pageId}")
    KnowledgeBase.PageWithPassages page(@PathVariable UUID id, @PathVariable UUID pageId) {
        return knowledge.page(id, pageId);
    }

    @Operation(operationId = "listStarterQuestions",
            summary = "Questions to start a chat over a document set with, made from its headings")
    @ApiResponse(responseCode = "200", description = "Up to limit questions, the best first; none for an empty set")
    @ApiResponse(responseCode = "400", description = "lang is not en or ko, or limit is not 1 to 10")
    @ApiResponse(responseCode = "404", description = "No such document set")
    @GetMapping("/documents/{id}/starters")
    Starters starters(@PathVariable UUID id, @RequestParam(defaultValue = "en") String lang,
            @RequestParam(defaultValue = "4") int limit) {
        StarterQuestions.Language language = StarterQuestions.Language.of(lang);
        if (language == null) {
            throw Problem.invalid("lang", "must be en or ko");
        }
        if (limit < 1 || limit > MAX_STARTERS) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_STARTERS);
        }
        return new Starters(knowledge.starters(id, language, limit));
    }

    @Operation(operationId = "uploadDocuments", summary = "Upload files as a document set to ingest (ADMIN)")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @ApiResponse(responseCode = "409",
            description = "A set with this slug exists and the form field update=true was not sent")
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted upload(@RequestParam(required = false) String slug, @RequestParam(required = false) String title,
            @RequestParam(required = false) String baseUrl, @RequestParam(defaultValue = "false") boolean update,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        List<Uploads.UploadedFile> uploaded = new ArrayList<>();
        try {
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                uploaded.add(new Uploads.UploadedFile(file.getOriginalFilename(), file.getInputStream()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Accepted(uploads.accept(slug, title, baseUrl, update, uploaded));
    }

    @Operation(operationId = "crawlDocuments",
            summary = "Create a document set from its published site: a start page or a sitemap (ADMIN)")
    @ApiResponse(responseCode = "202", description = "The crawl is queued; follow it at /ingestions/{jobId}")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @ApiResponse(responseCode = "409", description = "A set with this slug exists")
    @PostMapping(path = "/documents/crawl", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted crawl(@RequestBody CrawlRequest request) {
        return new Accepted(crawls.crawl(request));
    }

    @Operation(operationId = "syncDocuments",
            summary = "Re-sync a crawled document set with its published site (ADMIN)")
    @ApiResponse(responseCode = "202", description = "The sync is queued; follow it at /ingestions/{jobId}")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @ApiResponse(responseCode = "409", description = "The set was uploaded, not crawled")
    @PostMapping("/documents/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted sync(@PathVariable UUID id) {
        return new Accepted(crawls.sync(id));
    }

    @Operation(operationId = "getIngestion", summary = "Follow an upload's ingestion (ADMIN)")
    @ApiResponse(responseCode = "200", description = "The job's state and progress")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @GetMapping("/ingestions/{jobId}")
    IngestionJob ingestion(@PathVariable UUID jobId) {
        return uploads.job(jobId).orElseThrow(() -> Problem.notFound("Ingestion " + jobId));
    }

    @Operation(operationId = "deleteDocument", summary = "Delete a document set (ADMIN)")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN")
    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        knowledge.delete(id);
    }

}
