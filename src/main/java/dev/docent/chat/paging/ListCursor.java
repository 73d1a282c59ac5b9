package dev.docent.chat.paging;

import dev.docent.chat.ChatSummary;
import dev.docent.shared.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a user's chat list, ordered by (updatedAt, id) descending. Its string
 * form is also the member of the cached index: fixed-width millis, then the id, so
 * lexical order is list order.
 */
public record ListCursor(Instant updatedAt, UUID chatId) {

    public static ListCursor of(ChatSummary summary) {
        return new ListCursor(summary.updatedAt(), summary.id());
    }

    public String member() {
        return String.format("%013d:%s", updatedAt.toEpochMilli(), chatId);
    }

    public static ListCursor fromMember(String member) {
        return new ListCursor(Instant.ofEpochMilli(Long.parseLong(member.substring(0, 13))),
                UUID.fromString(member.substring(14)));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(member().getBytes(StandardCharsets.UTF_8));
    }

    public static ListCursor decode(String cursor) {
        try {
            String member = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (member.length() != 50 || member.charAt(13) != ':') {
                throw new IllegalArgumentException(member);
            }
            return fromMember(member);
        }
        catch (IllegalArgumentException e) {
            throw Problem.invalid("cursor", "is not a cursor this server issued");
        }
    }
}
