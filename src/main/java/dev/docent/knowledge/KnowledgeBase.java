package dev.docent.knowledge;

import dev.docent.knowledge.starters.StarterQuestions;
import dev.docent.knowledge.store.Documents;
import dev.docent.shared.Problem;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The document sets: what other modules and the API may ask of the knowledge base besides
 * retrieval.
 */
@Service
public class KnowledgeBase {

    private final Documents documents;

    private final ApplicationEventPublisher events;

    KnowledgeBase(Documents documents, ApplicationEventPublisher events) {
        this.documents = documents;
        this.events = events;
    }

    public List<DocumentView> documents() {
        return documents.all();
    }

    public Optional<DocumentView> document(UUID id) {
        return documents.find(id);
    }

    /**
     * Questions to start a chat over the document set with, from its headings.
     * @throws Problem 404 when there is no such document
     */
    public List<String> starters(UUID id, StarterQuestions.Language language, int limit) {
        if (documents.find(id).isEmpty()) {
            throw Problem.notFound("Document " + id);
        }
        return StarterQuestions.from(documents.headings(id), language, limit);
    }

    /**
     * @throws Problem 404 when there is no such document
     */
    public void delete(UUID id) {
        if (!documents.delete(id)) {
            throw Problem.notFound("Document " + id);
        }
        events.publishEvent(new DocumentDeleted(id));
    }

}
