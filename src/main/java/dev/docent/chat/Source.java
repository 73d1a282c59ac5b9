package dev.docent.chat;

import java.util.UUID;

/** A passage an answer cites as [n]. */
public record Source(int n, UUID documentId, String documentTitle, String page, String section, String url,
        String snippet, double score) {
}
