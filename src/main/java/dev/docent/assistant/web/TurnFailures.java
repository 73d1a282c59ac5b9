package dev.docent.assistant.web;

import dev.docent.assistant.Turn;
import dev.docent.assistant.TurnFailed;
import dev.docent.assistant.TurnListener;
import dev.docent.assistant.TurnOutcome;
import dev.docent.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * How a failed turn reaches the client: each a 5xx or 410, so that an idempotent retry
 * replays it.
 */
final class TurnFailures {

    private TurnFailures() {
    }

    static TurnOutcome run(Turn turn, TurnListener listener) {
        try {
            return turn.run(listener);
        }
        catch (TurnFailed failed) {
            throw problem(failed);
        }
    }

    static Problem problem(TurnFailed failed) {
        return switch (failed.reason()) {
            case GENERATION_TIMEOUT -> new Problem(HttpStatus.GATEWAY_TIMEOUT, "generation-timeout",
                    "The answer took too long", failed.getMessage());
            case MODEL_FAILED ->
                new Problem(HttpStatus.BAD_GATEWAY, "model-failed", "The language model failed", failed.getMessage());
            case ANSWER_NOT_SAVED -> new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "answer-not-saved",
                    "Answer not saved", failed.getMessage());
            case CHAT_DELETED -> new Problem(HttpStatus.GONE, "chat-deleted", "Chat deleted", failed.getMessage());
        };
    }

}
