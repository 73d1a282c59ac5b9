package dev.docent.assistant.web;

import dev.docent.assistant.AssistantSettings;
import dev.docent.assistant.Turn;
import dev.docent.assistant.TurnListener;
import dev.docent.assistant.TurnOutcome;
import dev.docent.assistant.idempotency.IdempotencyKeys;
import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import dev.docent.shared.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a turn at most once per {@code Idempotency-Key}: a retry replays the first outcome
 * (its events too, to a streaming client) instead of storing the message twice. Failures
 * that left the question stored (5xx, 410) are replayed as well; the others free the key
 * for a corrected retry.
 */
@Component
class IdempotentTurns {

    private static final Logger log = LoggerFactory.getLogger(IdempotentTurns.class);

    private final IdempotencyKeys keys;

    private final AssistantSettings settings;

    private final JsonMapper json;

    private final Clock clock;

    IdempotentTurns(IdempotencyKeys keys, AssistantSettings settings, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param request what identifies the request: the same key with another one is
     * refused
     */
    TurnOutcome run(UserId user, String key, String request, TurnListener listener, Turn turn) {
        if (key == null) {
            return TurnFailures.run(turn, listener);
        }
        Instant now = clock.instant();
        switch (keys.claim(user, key, request, now, now.minus(settings.lease()))) {
            case IdempotencyKeys.Stored stored -> {
                return replay(stored, listener);
            }
            case IdempotencyKeys.Released released ->
                throw Problem.conflict("idempotency-in-progress", "Retry the request");
            case IdempotencyKeys.InProgress inProgress -> throw Problem.conflict("idempotency-in-progress",
                    "A request with this Idempotency-Key is still being processed");
            case IdempotencyKeys.Reused reused ->
                throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-mismatch", "Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different request");
            case IdempotencyKeys.Claimed claimed -> {
                return runClaimed(user, key, listener, turn);
            }
        }
    }

    /**
     * A fingerprint of the request's parts, to tell a retry from another request with the
     * same key.
     */
    static String fingerprint(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TurnOutcome runClaimed(UserId user, String key, TurnListener listener, Turn turn) {
        try {
            TurnOutcome outcome = TurnFailures.run(turn, listener);
            keys.complete(user, key, 200, json.writeValueAsString(outcome));
            return outcome;
        }
        catch (Problem problem) {
            if (problem.status().is5xxServerError() || problem.status() == HttpStatus.GONE) {
                keys.complete(user, key, problem.status().value(), ProblemHandler.json(ProblemHandler.detail(problem)));
            }
            else {
                keys.release(user, key);
            }
            throw problem;
        }
        catch (RuntimeException e) {
            keys.release(user, key);
            throw e;
        }
    }

    private TurnOutcome replay(IdempotencyKeys.Stored stored, TurnListener listener) {
        if (stored.status() != 200) {
            ProblemDetail detail = json.readValue(stored.body(), ProblemDetail.class);
            throw new Problem(HttpStatus.valueOf(stored.status()), "replayed", detail.getTitle(), detail.getDetail());
        }
        TurnOutcome outcome = json.readValue(stored.body(), TurnOutcome.class);
        try {
            listener.meta(outcome.chat().id(), outcome.question().id());
            listener.sources(outcome.answer().sources());
            listener.token(outcome.answer().content());
            listener.done(outcome.answer(), outcome.chat());
        }
        catch (IOException clientGone) {
            log.debug("Client left during a replay");
        }
        return outcome;
    }

}
