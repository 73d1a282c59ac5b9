package dev.docent.knowledge;

import java.util.UUID;

/**
 * A passage exactly as chunked and stored: what the assistant sees of a page.
 *
 * @param anchor its section's anchor on the page, null when the section has none
 * @param url the link a citation of it opens
 */
public record PassageView(UUID id, int position, String section, String anchor, String url, String text) {
}
