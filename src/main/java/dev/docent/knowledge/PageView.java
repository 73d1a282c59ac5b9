package dev.docent.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of a document set as the set browser shows it.
 *
 * @param passages how many passages it was cut into
 * @param ingestedAt when this version of the page was stored
 * @param url where it is published (the set's base URL and its path), or its path
 */
public record PageView(UUID id, String path, String title, int passages, Instant ingestedAt, String url) {
}
