package dev.docent.knowledge.web;

import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.IngestionJob;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.ingest.Ingestion;
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

/** The document sets: listed for everyone, uploaded and deleted by admins (the security rules say who). */
@RestController
@RequestMapping("/api/v1")
class DocumentController {

    record Accepted(UUID jobId) {
    }

    private final KnowledgeBase knowledge;
    private final Uploads uploads;

    DocumentController(KnowledgeBase knowledge, Uploads uploads) {
        this.knowledge = knowledge;
        this.uploads = uploads;
    }

    @GetMapping("/documents")
    List<DocumentView> documents() {
        return knowledge.documents();
    }

    @GetMapping("/documents/{id}")
    DocumentView document(@PathVariable UUID id) {
        return knowledge.document(id).orElseThrow(() -> Problem.notFound("Document " + id));
    }

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Accepted(uploads.accept(slug, title, baseUrl, uploaded));
    }

    @GetMapping("/ingestions/{jobId}")
    IngestionJob ingestion(@PathVariable UUID jobId) {
        return uploads.job(jobId).orElseThrow(() -> Problem.notFound("Ingestion " + jobId));
    }

    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        knowledge.delete(id);
    }
}
