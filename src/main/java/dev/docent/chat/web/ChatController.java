package dev.docent.chat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.docent.account.CurrentUser;
import dev.docent.chat.ChatHistory;
import dev.docent.chat.ChatSummary;
import dev.docent.chat.ChatView;
import dev.docent.chat.DocumentScope;
import dev.docent.chat.DocumentSets;
import dev.docent.chat.export.MarkdownExport;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@Tag(name = "Chats", description = "The signed-in user's chats: read, list, search, rename or re-scope, delete, export")
@RestController
@RequestMapping("/api/v1/chats")
class ChatController {

    static final String X_CACHE = "X-Cache";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /**
     * The shape of a list page, for the API documentation (pages are written from cached
     * bytes).
     */
    record ChatPage(List<ChatSummary> items, String nextCursor) {
    }

    /**
     * What to change; an absent field stays as it is. {@code allDocuments: true} makes an
     * OFFICIAL_DOCS chat answer from every document set (as one started without a set),
     * {@code documentId} from that one set.
     */
    record ChatEdit(@Size(max = 200) @Pattern(regexp = Text.ONE_VISIBLE_LINE,
            message = Text.ONE_VISIBLE_LINE_MESSAGE) String title, UUID documentId, Boolean allDocuments) {

        DocumentScope scope() {
            if (allDocuments != null && !allDocuments) {
                throw Problem.invalid("allDocuments", "must be true; to answer from one set, send its documentId");
            }
            if (allDocuments != null && documentId != null) {
                throw Problem.invalid("allDocuments", "send either allDocuments or documentId, not both");
            }
            if (allDocuments != null) {
                return DocumentScope.ALL_SETS;
            }
            return documentId == null ? null : new DocumentScope(documentId);
        }

    }

    private final ChatHistory history;

    private final JsonMapper json;

    private final DocumentSets documentSets;

    ChatController(ChatHistory history, JsonMapper json, DocumentSets documentSets) {
        this.history = history;
        this.json = json;
        this.documentSets = documentSets;
    }

    @Operation(operationId = "getChat", summary = "Read a chat with its newest messages")
    @GetMapping(path = "/{chatId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "The chat with its newest messages; X-Cache says HIT or MISS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChatView.class)))
    ResponseEntity<byte[]> chat(@PathVariable UUID chatId, HttpServletRequest request) {
        var user = CurrentUser.require().id();
        return cached(missedAlready(request) ? history.chatFromDatabase(user, new ChatId(chatId))
                : history.chat(user, new ChatId(chatId)));
    }

    @Operation(operationId = "listChats", summary = "List or search the user's chats")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "A page of the user's chats, most recently updated first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChatPage.class)))
    ResponseEntity<byte[]> list(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(min = 1, max = 100) String cursor,
            @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                    message = Text.CONTROL_CHARACTERS_MESSAGE) String q,
            HttpServletRequest request) {
        var user = CurrentUser.require().id();
        if (q != null && !q.isBlank()) {
            return cached(history.search(user, q.strip(), cursor, limit));
        }
        return cached(missedAlready(request) ? history.listFromDatabase(user, cursor, limit)
                : history.list(user, cursor, limit));
    }

    @Operation(operationId = "listMessages", summary = "Page through a chat's older messages")
    @GetMapping(path = "/{chatId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ChatHistory.MessagePage messages(@PathVariable UUID chatId, @RequestParam(required = false) @Min(1) Integer before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return history.messages(CurrentUser.require().id(), new ChatId(chatId), before, limit);
    }

    @Operation(operationId = "editChat",
            summary = "Rename a chat, or change the document sets an OFFICIAL_DOCS chat answers from")
    @ApiResponse(responseCode = "200", description = "The chat as it now is; its messages stay")
    @PatchMapping(path = "/{chatId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ChatSummary edit(@PathVariable UUID chatId, @Valid @RequestBody ChatEdit request) {
        var user = CurrentUser.require().id();
        var chat = new ChatId(chatId);
        DocumentScope scope = request.scope();
        if (request.title() == null && scope == null) {
            throw Problem.invalid("body",
                    "must change the title, documentId or allDocuments (true: answer from all document sets)");
        }
        if (request.title() != null && request.title().isBlank()) {
            throw Problem.invalid("title", "must not be blank");
        }
        if (scope != null && !scope.allSets()) {
            // another user's chat is not found before anything is said about the set
            history.summary(user, chat);
            if (!documentSets.exists(scope.documentId())) {
                throw Problem.invalid("documentId", "there is no document set " + scope.documentId());
            }
        }
        return history.edit(user, chat, request.title() == null ? null : request.title().strip(), scope);
    }

    @Operation(operationId = "deleteChat", summary = "Delete a chat and its messages")
    @DeleteMapping("/{chatId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID chatId) {
        history.delete(CurrentUser.require().id(), new ChatId(chatId));
    }

    @Operation(operationId = "exportChat", summary = "Export a chat as Markdown or JSON")
    @ApiResponse(responseCode = "200", description = "The whole chat, as an attachment",
            content = { @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ChatView.class)) })
    @GetMapping("/{chatId}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID chatId, @RequestParam(defaultValue = "markdown") String format) {
        if (!format.equals("markdown") && !format.equals("json")) {
            throw Problem.invalid("format", "must be 'markdown' or 'json'");
        }
        ChatView chat = history.everything(CurrentUser.require().id(), new ChatId(chatId));
        boolean markdown = format.equals("markdown");
        byte[] body = markdown ? MarkdownExport.render(chat).getBytes(StandardCharsets.UTF_8)
                : json.writerWithDefaultPrettyPrinter().writeValueAsBytes(chat);
        String filename = MarkdownExport.filename(chat) + (markdown ? ".md" : ".json");
        return ResponseEntity.ok()
            .contentType(
                    markdown ? new MediaType("text", "markdown", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
            .body(body);
    }

    /**
     * {@link CachedReads} already asked the cache: no second round trip before the
     * database.
     */
    private static boolean missedAlready(HttpServletRequest request) {
        return request.getAttribute(CachedReads.MISSED) != null;
    }

    private static ResponseEntity<byte[]> cached(ChatHistory.Json result) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header(X_CACHE, result.cacheHit() ? "HIT" : "MISS")
            .body(result.body());
    }

}
