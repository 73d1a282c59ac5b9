package dev.docent.knowledge.chunk;

/**
 * A passage to index and cite: its text with the page and section it came from.
 *
 * @param position the chunk's place among its page's chunks, from 0
 * @param url {@code path#anchor}, or the bare path when the section has no anchor
 */
public record Chunk(String pagePath, String pageTitle, String section, String url, int position, String text) {

    /**
     * What is embedded for a passage: its headings say what it is about, which its text
     * may take for granted.
     */
    public static String embeddingText(String pageTitle, String section, String text) {
        String heading = section.isBlank() || section.equals(pageTitle) ? pageTitle : pageTitle + " — " + section;
        return heading + "\n" + text;
    }
}
