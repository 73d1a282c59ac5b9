package dev.docent.chat.web;

import dev.docent.account.CurrentUser;
import dev.docent.chat.ChatHistory;
import dev.docent.chat.Feedback;
import dev.docent.chat.MessageView;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Feedback", description = "Thumbs up or down on the assistant's answers")
@RestController
@RequestMapping("/api/v1/chats/{chatId}/messages/{messageId}/feedback")
class FeedbackController {

    record FeedbackRequest(
            @NotNull @Pattern(regexp = "up|down", message = "must be 'up' or 'down'") @Schema(allowableValues = {
                    "up", "down" }) String rating,
            @Pattern(regexp = "wrong|not-covered|outdated|unclear|other",
                    message = "must be one of wrong, not-covered, outdated, unclear, other") @Schema(
                            description = "Why an answer was down-voted",
                            allowableValues = { "wrong", "not-covered", "outdated", "unclear", "other" }) String reason,
            @Size(max = 2000) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                    message = Text.CONTROL_CHARACTERS_MESSAGE) String comment){
    }

    private final ChatHistory history;

    FeedbackController(ChatHistory history) {
        this.history = history;
    }

    @Operation(operationId = "rateAnswer",
            summary = "Rate an answer, or change its rating (one per user per message); a down-vote may say why")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    MessageView rate(@PathVariable UUID chatId, @PathVariable UUID messageId,
            @Valid @RequestBody FeedbackRequest request) {
        if (request.reason() != null && !Feedback.DOWN.equals(request.rating())) {
            throw Problem.invalid("reason", "only a down-vote takes a reason");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        return history.giveFeedback(CurrentUser.require().id(), new ChatId(chatId), messageId, request.rating(),
                request.reason(), comment);
    }

    @Operation(operationId = "withdrawRating", summary = "Withdraw the rating of an answer")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID chatId, @PathVariable UUID messageId) {
        history.withdrawFeedback(CurrentUser.require().id(), new ChatId(chatId), messageId);
    }

}
