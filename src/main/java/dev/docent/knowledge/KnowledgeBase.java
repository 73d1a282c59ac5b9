package dev.docent.knowledge;

import dev.docent.knowledge.ingest.DocumentNames;
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
     * Changes a set's title and base URL (null leaves one as it is; a blank base URL
     * removes it) without re-ingesting: its pages, passages and their ids stay, so the
     * citations of stored answers keep pointing at them.
     * @throws Problem 404 when there is no such document, 400 for a bad value
     */
    public DocumentView edit(UUID id, String title, String baseUrl) {
        DocumentView current = document(id).orElseThrow(() -> Problem.notFound("Document " + id));
        String newTitle = title == null ? current.title() : title.strip();
        String newBaseUrl = baseUrl == null ? current.baseUrl() : baseUrl.isBlank() ? null : baseUrl.strip();
        DocumentNames.requireValid(current.slug(), newTitle, newBaseUrl);
        if (!documents.edit(id, newTitle, newBaseUrl)) {
            throw Problem.notFound("Document " + id);
        }
        events.publishEvent(new DocumentEdited(id));
        return document(id).orElseThrow();
    }

    /**
     * The set's pages by path, {@code limit} from {@code offset}.
     * @throws Problem 404 when there is no such document
     */
    public PageList<PageView> pages(UUID id, int offset, int limit) {
        requireExists(id);
        return new PageList<>(documents.pages(id, offset, limit), offset, limit, documents.pageCount(id));
    }

    /**
     * A page of the set with its passages exactly as chunked.
     * @throws Problem 404 when the set has no such page
     */
    public PageWithPassages page(UUID id, UUID pageId) {
        PageView page = documents.page(id, pageId).orElseThrow(() -> Problem.notFound("Page " + pageId));
        return new PageWithPassages(page, documents.passagesOf(id, pageId));
    }

    /** A page and its passages, in order. */
    public record PageWithPassages(PageView page, List<PassageView> passages) {

        public PageWithPassages {
            passages = List.copyOf(passages);
        }
    }

    private void requireExists(UUID id) {
        if (documents.find(id).isEmpty()) {
            throw Problem.notFound("Document " + id);
        }
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
