package dev.docent.knowledge;

/**
 * A passage to index and cite: its text with the page and section it came from.
 *
 * @param position the chunk's place among its page's chunks, from 0
 * @param url      {@code path#anchor}, or the bare path when the section has no anchor
 */
record Chunk(String pagePath, String pageTitle, String section, String url, int position, String text) {
}
