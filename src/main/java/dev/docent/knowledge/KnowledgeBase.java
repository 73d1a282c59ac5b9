package dev.docent.knowledge;

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

    public Optional<DocumentView> bySlug(String slug) {
        return documents.bySlug(slug);
    }

    /**
     * @throws Problem 409 naming the set when the slug is taken: an upload or crawl must
     * say it updates a set, it never replaces one by accident
     */
    public void requireNew(String slug) {
        documents.bySlug(slug).ifPresent(existing -> {
            throw Problem.conflict("document-exists",
                    "A document set with the slug '" + slug + "' exists already (\"" + existing.title()
                            + "\"). Send update=true to update it (only changed pages are read again), "
                            + "or choose another slug.");
        });
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
