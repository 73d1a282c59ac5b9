package dev.docent.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.IngestionJob;
import dev.docent.knowledge.KnowledgeBase;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    record Starters(List<String> questions) {
    }

    static final int MAX_STARTERS = 10;

    private final KnowledgeBase knowledge;

    private final Uploads uploads;

    DocumentController(KnowledgeBase knowledge, Uploads uploads) {
        this.knowledge = knowledge;
        this.uploads = uploads;
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
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted upload(@RequestParam(required = false) String slug, @RequestParam(required = false) String title,
            @RequestParam(required = false) String baseUrl,
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
        return new Accepted(uploads.accept(slug, title, baseUrl, uploaded));
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
