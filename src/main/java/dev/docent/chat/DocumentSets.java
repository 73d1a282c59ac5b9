package dev.docent.chat;

import java.util.UUID;

/**
 * Whether a document set exists, for re-scoping a chat to it. The knowledge module knows;
 * this one may not depend on it, so a module that may provides the answer.
 */
public interface DocumentSets {

    boolean exists(UUID documentId);

}
