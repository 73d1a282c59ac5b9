package dev.docent.assistant;

import dev.docent.chat.ChatHistory;
import dev.docent.llm.LanguageModel;
import dev.docent.llm.ModelFailure;
import dev.docent.llm.ModelMessage;
import dev.docent.llm.ModelStream;
import dev.docent.shared.ChatId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Streams the model's answer to the listener until it is done. The deadline, a stop
 * request (from any instance), a client that went away or an upstream failure end it
 * early: what was said so far is kept, marked interrupted.
 */
@Component
class ModelGeneration {

    private final ChatHistory history;

    private final LanguageModel model;

    private final AssistantSettings settings;

    private final Clock clock;

    ModelGeneration(ChatHistory history, LanguageModel model, AssistantSettings settings, Clock clock) {
        this.history = history;
        this.model = model;
        this.settings = settings;
        this.clock = clock;
    }

    boolean available() {
        return model.available();
    }

    Generated generate(List<ModelMessage> prompt, ChatId chat, UUID generation, TurnListener listener) {
        return generate(prompt, () -> history.stopRequested(chat, generation),
                () -> history.renewLease(chat, generation), listener);
    }

    /**
     * A generation no chat owns: it ends on its own, on the timeout or when the client
     * leaves.
     */
    Generated generate(List<ModelMessage> prompt, BooleanSupplier stopRequested, TurnListener listener) {
        return generate(prompt, stopRequested, () -> {
        }, listener);
    }

    /**
     * @param renewLease keeps the chat's lease while the answer runs, called every
     * {@link AssistantSettings#leaseRenewal()}
     */
    private Generated generate(List<ModelMessage> prompt, BooleanSupplier stopRequested, Runnable renewLease,
            TurnListener listener) {
        StringBuilder text = new StringBuilder();
        Instant deadline = clock.instant().plus(settings.generationTimeout());
        Instant nextStopCheck = clock.instant().plus(settings.stopCheckInterval());
        Instant nextRenewal = clock.instant().plus(settings.leaseRenewal());
        try (ModelStream stream = model.stream(prompt)) {
            while (true) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return new Generated(text.toString(), true, timeout());
                }
                ModelStream.Event event = stream
                    .poll(left.compareTo(settings.stopCheckInterval()) < 0 ? left : settings.stopCheckInterval());
                try {
                    switch (event) {
                        case ModelStream.Done done -> {
                            return new Generated(text.toString(), false, null);
                        }
                        case ModelStream.Token token -> {
                            text.append(token.text());
                            listener.token(token.text());
                        }
                        case ModelStream.Pending pending -> listener.waiting();
                    }
                }
                catch (IOException clientGone) {
                    return new Generated(text.toString(), true, null);
                }
                if (clock.instant().isAfter(nextStopCheck)) {
                    if (stopRequested.getAsBoolean()) {
                        return new Generated(text.toString(), true, null);
                    }
                    nextStopCheck = clock.instant().plus(settings.stopCheckInterval());
                }
                if (clock.instant().isAfter(nextRenewal)) {
                    renewLease.run();
                    nextRenewal = clock.instant().plus(settings.leaseRenewal());
                }
            }
        }
        catch (ModelFailure failure) {
            return new Generated(text.toString(), true, failure);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Generated(text.toString(), true, null);
        }
    }

    private ModelFailure timeout() {
        return new ModelFailure(ModelFailure.Kind.TIMEOUT,
                "no complete answer within " + settings.generationTimeout().toSeconds() + " s", null);
    }

}
