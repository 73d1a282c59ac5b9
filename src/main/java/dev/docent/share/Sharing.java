package dev.docent.share;

import dev.docent.chat.ChatHistory;
import dev.docent.chat.ChatView;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sharing a chat: a snapshot taken now, under a new unguessable token; later messages are
 * not shown. Reading needs only the token; listing and revoking need the owner.
 */
@Service
public class Sharing {

    /** The snapshot column's size. */
    static final int MAX_SNAPSHOT_CHARS = 1_000_000;

    private final ChatHistory history;

    private final Shares shares;

    private final JsonMapper json;

    private final Clock clock;

    Sharing(ChatHistory history, Shares shares, JsonMapper json, Clock clock) {
        this.history = history;
        this.shares = shares;
        this.json = json;
        this.clock = clock;
    }

    public ShareLink share(UserId owner, ChatId chat) {
        ChatView view = history.everything(owner, chat);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String snapshot = json.writeValueAsString(SharedChat.of(view, now));
        if (snapshot.length() > MAX_SNAPSHOT_CHARS) {
            throw Problem.invalid("chatId", "names a chat too long to share; export it instead");
        }
        String token = ShareTokens.newToken();
        shares.insert(token, chat, owner, view.title(), snapshot, now);
        return ShareLink.of(token, chat.value(), view.title(), now);
    }

    /** The snapshot's JSON, as stored. */
    public String read(String token) {
        if (!ShareTokens.wellFormed(token)) {
            throw noSuchLink();
        }
        return shares.snapshot(token).orElseThrow(Sharing::noSuchLink);
    }

    public boolean exists(String token) {
        return ShareTokens.wellFormed(token) && shares.snapshot(token).isPresent();
    }

    public List<ShareLink> links(UserId owner) {
        return shares.owned(owner);
    }

    public void revoke(UserId owner, String token) {
        if (!ShareTokens.wellFormed(token) || !shares.delete(owner, token)) {
            throw noSuchLink();
        }
    }

    private static Problem noSuchLink() {
        return Problem.notFound("Share link (revoked, or never issued)");
    }

}
