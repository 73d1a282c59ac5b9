package dev.docent.chat;

import java.util.UUID;

/**
 * The document sets an OFFICIAL_DOCS chat answers from: one set, or all of them when
 * {@code documentId} is null (as a chat started without a set).
 */
public record DocumentScope(UUID documentId) {

    public static final DocumentScope ALL_SETS = new DocumentScope(null);

    public boolean allSets() {
        return documentId == null;
    }

}
