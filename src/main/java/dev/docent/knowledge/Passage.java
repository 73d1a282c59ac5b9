package dev.docent.knowledge;

import java.util.UUID;

/**
 * A retrieved passage, ready to quote and cite.
 *
 * @param page the page's path within its document, e.g. {@code library/functools.html}
 * @param section the section title the passage sits under
 * @param url where to read it: the page path with the section's anchor
 * @param score higher is better; comparable only within one result list
 */
public record Passage(String chunkId, UUID documentId, String documentTitle, String page, String pageTitle,
        String section, String url, String text, double score) {

    /** From the same page of the same document set. */
    public boolean samePage(Passage other) {
        return documentId.equals(other.documentId) && page.equals(other.page);
    }

}
