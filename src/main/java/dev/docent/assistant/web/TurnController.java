package dev.docent.assistant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.docent.account.CurrentUser;
import dev.docent.assistant.Conversation;
import dev.docent.assistant.Turn;
import dev.docent.assistant.TurnListener;
import dev.docent.assistant.TurnOutcome;
import dev.docent.chat.Category;
import dev.docent.chat.ChatHistory;
import dev.docent.chat.ChatView;
import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import dev.docent.shared.Text;
import dev.docent.shared.UserId;
import jakarta.validation.constraints.Pattern;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asking: start a chat, continue one (JSON or server-sent events), stop a running answer.
 */
@Tag(name = "Turns", description = "Asking: a question and its cited answer, as JSON or server-sent events")
@RestController
@RequestMapping("/api/v1/chats")
class TurnController {

    static final int MAX_MESSAGE_CHARS = 16_000;

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(TurnController.class);

    record StartRequest(
            @NotBlank @Size(max = MAX_MESSAGE_CHARS) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                    message = Text.CONTROL_CHARACTERS_MESSAGE) @Pattern(regexp = Text.SOMETHING_VISIBLE,
                            message = Text.SOMETHING_VISIBLE_MESSAGE) String message,
            @NotNull Category category, UUID documentId) {
    }

    record ReplyRequest(@NotBlank @Size(max = MAX_MESSAGE_CHARS) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
            message = Text.CONTROL_CHARACTERS_MESSAGE) @Pattern(regexp = Text.SOMETHING_VISIBLE,
                    message = Text.SOMETHING_VISIBLE_MESSAGE) String message) {
    }

    record Started(ChatSummary chat, List<MessageView> messages) {
    }

    record Replied(List<MessageView> messages) {
    }

    record Stopping(boolean stopping) {
    }

    private final Conversation conversation;

    private final IdempotentTurns turns;

    private final JsonMapper json;

    TurnController(Conversation conversation, IdempotentTurns turns, JsonMapper json) {
        this.conversation = conversation;
        this.turns = turns;
        this.json = json;
    }

    @Operation(operationId = "startChat", summary = "Start a chat with a question")
    @ApiResponse(responseCode = "201", description = "The new chat, the question and the answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Started.class)))
    @TurnProblems
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Started> start(@Valid @RequestBody StartRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        TurnOutcome outcome = startTurn(request, key, TurnListener.SILENT);
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(new Started(outcome.chat(), List.of(outcome.question(), outcome.answer())));
    }

    @Operation(operationId = "startChat", summary = "Start a chat with a question")
    @ApiResponse(responseCode = "200", description = "With Accept: text/event-stream: the answer as it is written",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @TurnProblems
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void startStreaming(@Valid @RequestBody StartRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletResponse response)
            throws IOException {
        stream(response, listener -> startTurn(request, key, listener));
    }

    @Operation(operationId = "askInChat", summary = "Ask a follow-up question in a chat")
    @ApiResponse(responseCode = "200", description = "The question and the answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Replied.class)))
    @ApiResponse(responseCode = "410", description = "The chat was deleted while answering")
    @TurnProblems
    @PostMapping(path = "/{chatId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Replied reply(@PathVariable UUID chatId, @Valid @RequestBody ReplyRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        TurnOutcome outcome = replyTurn(chatId, request, key, TurnListener.SILENT);
        return new Replied(List.of(outcome.question(), outcome.answer()));
    }

    @Operation(operationId = "askInChat", summary = "Ask a follow-up question in a chat")
    @ApiResponse(responseCode = "200", description = "With Accept: text/event-stream: the answer as it is written",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "410", description = "The chat was deleted while answering")
    @TurnProblems
    @PostMapping(path = "/{chatId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void replyStreaming(@PathVariable UUID chatId, @Valid @RequestBody ReplyRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletResponse response)
            throws IOException {
        stream(response, listener -> replyTurn(chatId, request, key, listener));
    }

    @Operation(operationId = "regenerateAnswer", summary = "Answer the last question again",
            description = "messageId is the conversation's last message: its answer (kept as an earlier version) "
                    + "or a question left unanswered. 409 when it is not the last message or an answer is running.")
    @ApiResponse(responseCode = "200", description = "The question and its new answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Replied.class)))
    @TurnProblems
    @PostMapping(path = "/{chatId}/messages/{messageId}/regenerate", produces = MediaType.APPLICATION_JSON_VALUE)
    Replied regenerate(@PathVariable UUID chatId, @PathVariable UUID messageId,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        TurnOutcome outcome = regenerateTurn(chatId, messageId, key, TurnListener.SILENT);
        return new Replied(List.of(outcome.question(), outcome.answer()));
    }

    @Operation(operationId = "regenerateAnswer", summary = "Answer the last question again")
    @ApiResponse(responseCode = "200", description = "With Accept: text/event-stream: the answer as it is written",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @TurnProblems
    @PostMapping(path = "/{chatId}/messages/{messageId}/regenerate", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void regenerateStreaming(@PathVariable UUID chatId, @PathVariable UUID messageId,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletResponse response)
            throws IOException {
        stream(response, listener -> regenerateTurn(chatId, messageId, key, listener));
    }

    @Operation(operationId = "editQuestion", summary = "Edit a question and ask it again",
            description = "Stores a new version of the question (the earlier one, and the conversation after it, "
                    + "stay as an earlier version) and answers it.")
    @ApiResponse(responseCode = "200", description = "The new version of the question and its answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Replied.class)))
    @TurnProblems
    @PostMapping(path = "/{chatId}/messages/{messageId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Replied edit(@PathVariable UUID chatId, @PathVariable UUID messageId, @Valid @RequestBody ReplyRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        TurnOutcome outcome = editTurn(chatId, messageId, request, key, TurnListener.SILENT);
        return new Replied(List.of(outcome.question(), outcome.answer()));
    }

    @Operation(operationId = "editQuestion", summary = "Edit a question and ask it again")
    @ApiResponse(responseCode = "200", description = "With Accept: text/event-stream: the answer as it is written",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @TurnProblems
    @PostMapping(path = "/{chatId}/messages/{messageId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void editStreaming(@PathVariable UUID chatId, @PathVariable UUID messageId,
            @Valid @RequestBody ReplyRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletResponse response)
            throws IOException {
        stream(response, listener -> editTurn(chatId, messageId, request, key, listener));
    }

    @Operation(operationId = "selectVersion", summary = "Show another version of a message",
            description = "messageId is any version of a message on the conversation's path (see each message's "
                    + "versions). The chosen version is shown, and after it the versions last chosen on its branch. "
                    + "409 while an answer is being generated.")
    @ApiResponse(responseCode = "200", description = "The chat as it now reads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChatView.class)))
    @PostMapping(path = "/{chatId}/messages/{messageId}/select", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> select(@PathVariable UUID chatId, @PathVariable UUID messageId) {
        ChatHistory.Json chat = conversation.selectVersion(CurrentUser.require().id(), new ChatId(chatId), messageId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(chat.body());
    }

    @Operation(operationId = "stopAnswer", summary = "Stop the chat's running answer")
    @ApiResponse(responseCode = "200", description = "No answer was running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Stopping.class)))
    @ApiResponse(responseCode = "202", description = "The running answer is stopping",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Stopping.class)))
    @PostMapping(path = "/{chatId}/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Stopping> stop(@PathVariable UUID chatId) {
        boolean running = conversation.stop(CurrentUser.require().id(), new ChatId(chatId));
        return ResponseEntity.status(running ? HttpStatus.ACCEPTED : HttpStatus.OK).body(new Stopping(running));
    }

    private TurnOutcome startTurn(StartRequest request, String key, TurnListener listener) {
        UserId user = CurrentUser.require().id();
        String message = request.message().strip();
        String checkedKey = checked(key);
        Turn turn = conversation.start(user, request.category(), request.documentId(), message);
        return turns.run(user, checkedKey,
                IdempotentTurns.fingerprint("start", request.category(), request.documentId(), message), listener,
                turn);
    }

    private TurnOutcome replyTurn(UUID chatId, ReplyRequest request, String key, TurnListener listener) {
        UserId user = CurrentUser.require().id();
        ChatId chat = new ChatId(chatId);
        String message = request.message().strip();
        String checkedKey = checked(key);
        Turn turn = conversation.reply(user, chat, message);
        return turns.run(user, checkedKey, IdempotentTurns.fingerprint("reply", chat, message), listener, turn);
    }

    private TurnOutcome regenerateTurn(UUID chatId, UUID messageId, String key, TurnListener listener) {
        UserId user = CurrentUser.require().id();
        ChatId chat = new ChatId(chatId);
        String checkedKey = checked(key);
        Turn turn = conversation.regenerate(user, chat, messageId);
        return turns.run(user, checkedKey, IdempotentTurns.fingerprint("regenerate", chat, messageId), listener, turn);
    }

    private TurnOutcome editTurn(UUID chatId, UUID messageId, ReplyRequest request, String key, TurnListener listener) {
        UserId user = CurrentUser.require().id();
        ChatId chat = new ChatId(chatId);
        String message = request.message().strip();
        String checkedKey = checked(key);
        Turn turn = conversation.edit(user, chat, messageId, message);
        return turns.run(user, checkedKey, IdempotentTurns.fingerprint("edit", chat, messageId, message), listener,
                turn);
    }

    private void stream(HttpServletResponse response, Function<TurnListener, TurnOutcome> turn) throws IOException {
        SseTurnListener listener = new SseTurnListener(response, json);
        try {
            turn.apply(listener);
        }
        catch (Problem problem) {
            if (!listener.started()) {
                throw problem;
            }
            listener.error(ProblemHandler.detail(problem));
        }
        catch (RuntimeException e) {
            if (!listener.started()) {
                throw e;
            }
            log.error("Streaming turn failed", e);
            listener.error(ProblemHandler.detail(new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                    "Internal error", "The answer could not be completed; it has been logged")));
        }
    }

    private static String checked(String key) {
        if (key != null && (key.isBlank() || key.length() > 200 || !key.matches("[\\x21-\\x7E]+"))) {
            throw Problem.invalid(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

}
