package dev.docent.share.web;

import dev.docent.account.CurrentUser;
import dev.docent.share.ShareLink;
import dev.docent.share.SharedChat;
import dev.docent.share.Sharing;
import dev.docent.shared.ChatId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Shares", description = "Read-only links to a snapshot of a chat; reading one needs no account")
@RestController
class ShareController {

    /** Shared pages and their data stay out of search engines. */
    static final String X_ROBOTS_TAG = "X-Robots-Tag";

    static final String NOINDEX = "noindex, nofollow";

    record ShareList(List<ShareLink> items) {
    }

    private final Sharing sharing;

    ShareController(Sharing sharing) {
        this.sharing = sharing;
    }

    @Operation(operationId = "shareChat", summary = "Share a read-only snapshot of a chat",
            description = "The link shows the conversation as it reads now; later messages are not shown.")
    @ApiResponse(responseCode = "201", description = "The new link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ShareLink.class)))
    @PostMapping(path = "/api/v1/chats/{chatId}/shares", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShareLink> share(@PathVariable UUID chatId) {
        ShareLink link = sharing.share(CurrentUser.require().id(), new ChatId(chatId));
        return ResponseEntity.created(URI.create("/api/v1/shares/" + link.token())).body(link);
    }

    @Operation(operationId = "listShares", summary = "List the user's share links, newest first")
    @GetMapping(path = "/api/v1/shares", produces = MediaType.APPLICATION_JSON_VALUE)
    ShareList list() {
        return new ShareList(sharing.links(CurrentUser.require().id()));
    }

    @Operation(operationId = "revokeShare", summary = "Revoke a share link; it answers 404 at once")
    @DeleteMapping("/api/v1/shares/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String token) {
        sharing.revoke(CurrentUser.require().id(), token);
    }

    @Operation(operationId = "readShare", summary = "Read a shared chat (no account needed)")
    @ApiResponse(responseCode = "200", description = "The chat as it was when shared",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SharedChat.class)))
    @GetMapping(path = "/api/v1/shares/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> read(@PathVariable String token, HttpServletResponse response) {
        response.setHeader(X_ROBOTS_TAG, NOINDEX);
        String snapshot = sharing.read(token);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.noStore())
            .header(X_ROBOTS_TAG, NOINDEX)
            .body(snapshot);
    }

}
