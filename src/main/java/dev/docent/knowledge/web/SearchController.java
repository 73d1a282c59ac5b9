package dev.docent.knowledge.web;

import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieval;
import dev.docent.shared.Problem;
import dev.docent.shared.Text;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ranked passages for a query, the way a chat's retrieval sees them: for debugging and for the eval. */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    static final int MAX_QUERY_LENGTH = 1000;

    record Hit(String chunkId, UUID documentId, String documentTitle, String page, String section, String url,
               String text, double score) {
    }

    private static final Pattern TEXT = Pattern.compile(Text.NO_CONTROL_CHARACTERS);

    private final Retrieval retrieval;
    private final KnowledgeBase knowledge;

    SearchController(Retrieval retrieval, KnowledgeBase knowledge) {
        this.retrieval = retrieval;
        this.knowledge = knowledge;
    }

    @GetMapping
    List<Hit> search(@RequestParam(required = false) String q, @RequestParam(required = false) UUID documentId,
            @RequestParam(defaultValue = "10") int k) {
        if (q == null || q.isBlank()) {
            throw Problem.invalid("q", "must not be blank");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw Problem.invalid("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (!TEXT.matcher(q).matches()) {
            throw Problem.invalid("q", "must not contain control characters");
        }
        if (k < 1 || k > Retrieval.MAX_K) {
            throw Problem.invalid("k", "must be between 1 and " + Retrieval.MAX_K);
        }
        if (documentId != null && knowledge.document(documentId).isEmpty()) {
            throw Problem.notFound("Document " + documentId);
        }
        return retrieval.search(q, documentId, k).stream().map(passage -> new Hit(passage.chunkId(),
                passage.documentId(), passage.documentTitle(), passage.page(), passage.section(), passage.url(),
                passage.text(), passage.score())).toList();
    }
}
