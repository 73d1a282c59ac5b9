package dev.docent.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieval;
import dev.docent.shared.Problem;
import dev.docent.shared.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ranked passages for a query, the way a chat's retrieval sees them: for debugging and
 * for the eval.
 */
@Tag(name = "Search", description = "Ranked passages, as a chat's retrieval sees them")
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    static final int MAX_QUERY_LENGTH = 1000;

    record Hit(String chunkId, UUID documentId, String documentTitle, String page, String section, String url,
            String text, double score) {
    }

    private final Retrieval retrieval;

    private final KnowledgeBase knowledge;

    SearchController(Retrieval retrieval, KnowledgeBase knowledge) {
        this.retrieval = retrieval;
        this.knowledge = knowledge;
    }

    @Operation(operationId = "searchPassages", summary = "Rank the passages for a query")
    @ApiResponse(responseCode = "200", description = "The passages, best first")
    @ApiResponse(responseCode = "404", description = "No document set with that documentId")
    @GetMapping
    List<Hit> search(
            @RequestParam(required = false) @NotBlank @Size(max = MAX_QUERY_LENGTH) @Pattern(
                    regexp = Text.NO_CONTROL_CHARACTERS, message = Text.CONTROL_CHARACTERS_MESSAGE) @Pattern(
                            regexp = Text.SOMETHING_VISIBLE, message = Text.SOMETHING_VISIBLE_MESSAGE) String q,
            @RequestParam(required = false) UUID documentId,
            @RequestParam(defaultValue = "10") @Min(1) @Max(Retrieval.MAX_K) int k) {
        if (documentId != null && knowledge.document(documentId).isEmpty()) {
            throw Problem.notFound("Document " + documentId);
        }
        return retrieval.search(q, documentId, k)
            .stream()
            .map(passage -> new Hit(passage.chunkId(), passage.documentId(), passage.documentTitle(), passage.page(),
                    passage.section(), passage.url(), passage.text(), passage.score()))
            .toList();
    }

}
