package dev.docent.assistant;

import dev.docent.chat.DocumentSets;
import dev.docent.knowledge.KnowledgeBase;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The knowledge base's sets, for re-scoping a chat, which the chat module may not ask.
 */
@Component
class KnownDocumentSets implements DocumentSets {

    private final KnowledgeBase knowledge;

    KnownDocumentSets(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public boolean exists(UUID documentId) {
        return knowledge.document(documentId).isPresent();
    }

}
