package dev.docent.share;

import java.time.Instant;
import java.util.UUID;

/** One of the owner's share links; {@code url} is the page, relative to the server. */
public record ShareLink(String token, String url, UUID chatId, String title, Instant createdAt) {

    static ShareLink of(String token, UUID chatId, String title, Instant createdAt) {
        return new ShareLink(token, "/s/" + token, chatId, title, createdAt);
    }

}
