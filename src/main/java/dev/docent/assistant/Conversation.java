package dev.docent.assistant;

import dev.docent.chat.Category;
import dev.docent.chat.ChatHistory;
import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.Retrieval;
import dev.docent.knowledge.Retrieved;
import dev.docent.llm.LanguageModel;
import dev.docent.llm.ModelFailure;
import dev.docent.llm.ModelMessage;
import dev.docent.llm.ModelStream;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.ProblemHandler;
import dev.docent.shared.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * One conversational turn: save the question, take the chat's generation lease, answer (streaming
 * tokens to the listener), save the answer. A stop request, a client that goes away, a timeout or an
 * upstream failure all keep what was said so far, marked interrupted.
 */
@Service
public class Conversation {

    static final String NO_MODEL_REPLY = """
            General chat needs a language model, and this server has none configured. Ask your \
            administrator to set one up (DOCENT_LLM_PROVIDER), or start an OFFICIAL_DOCS chat to get \
            answers from the documentation.""";

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    /** The outcome of answering: what was said, what it cites, and why it ended. */
    private record Generated(String text, List<Source> sources, boolean interrupted, ModelFailure failure) {

        Generated(String text, boolean interrupted, ModelFailure failure) {
            this(text, List.of(), interrupted, failure);
        }

        Generated cited(List<Source> cited) {
            return new Generated(text, cited, interrupted, failure);
        }
    }

    /** Words of an extractive answer sent per token event, so it arrives the way a model's answer does. */
    private static final int EXTRACTIVE_WORDS_PER_TOKEN = 3;

    private final ChatHistory history;
    private final LanguageModel model;
    private final Retrieval retrieval;
    private final KnowledgeBase knowledge;
    private final IdempotencyKeys idempotencyKeys;
    private final AssistantSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    Conversation(ChatHistory history, LanguageModel model, Retrieval retrieval, KnowledgeBase knowledge,
            IdempotencyKeys idempotencyKeys, AssistantSettings settings, JsonMapper json, Clock clock) {
        this.history = history;
        this.model = model;
        this.retrieval = retrieval;
        this.knowledge = knowledge;
        this.idempotencyKeys = idempotencyKeys;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public TurnOutcome start(UserId user, Category category, UUID documentId, String message, String idempotencyKey,
            TurnListener listener) {
        requireDocument(category, documentId);
        String request = fingerprint("start", category, documentId, message);
        return idempotent(user, idempotencyKey, request, listener, () -> {
            UUID generation = UUID.randomUUID();
            ChatHistory.Started started = history.start(user, category, documentId, Titles.fromQuestion(message),
                    message, generation);
            TurnOutcome outcome = answer(user, started.chat(), started.userMessage(), generation, listener);
            nameWithModel(user, new ChatId(started.chat().id()), message);
            return outcome;
        });
    }

    public TurnOutcome reply(UserId user, ChatId chat, String message, String idempotencyKey, TurnListener listener) {
        ChatSummary summary = history.summary(user, chat);
        return idempotent(user, idempotencyKey, fingerprint("reply", chat, message), listener, () -> {
            UUID generation = UUID.randomUUID();
            MessageView question = history.appendUserMessage(user, chat, message, generation, settings.lease());
            return answer(user, summary, question, generation, listener);
        });
    }

    /** Asks the chat's running generation to stop; false when nothing is running. */
    public boolean stop(UserId user, ChatId chat) {
        return history.requestStop(user, chat);
    }

    private TurnOutcome answer(UserId user, ChatSummary chat, MessageView question, UUID generation,
            TurnListener listener) {
        ChatId chatId = new ChatId(chat.id());
        Generated generated;
        try {
            listener.meta(chat.id(), question.id());
            if (chat.category() == Category.OFFICIAL_DOCS) {
                generated = grounded(user, chat, question, generation, listener);
            } else {
                listener.sources(List.of());
                generated = model.available()
                        ? generate(PromptAssembler.general(history.recent(user, chatId, 100), settings.historyTokens()),
                                chatId, generation, listener)
                        : noModel(listener);
            }
        } catch (IOException clientGone) {
            generated = new Generated("", true, null);
        } catch (RuntimeException e) {
            history.release(chatId, generation);
            throw answerNotSaved(e);
        }
        if (generated.failure() != null && generated.text().isEmpty()) {
            history.release(chatId, generation);
            throw problem(generated.failure());
        }
        MessageView answer;
        ChatSummary after;
        try {
            answer = history.appendAnswer(user, chatId, generation, generated.text(), generated.sources(),
                    generated.interrupted());
            after = history.summary(user, chatId);
        } catch (RuntimeException e) {
            history.release(chatId, generation);
            throw answerNotSaved(e);
        }
        if (generated.failure() != null) {
            throw problem(generated.failure());
        }
        try {
            listener.done(answer, after);
        } catch (IOException clientGone) {
            log.debug("Client left before the end of the answer in chat {}", chatId);
        }
        return new TurnOutcome(after, question, answer);
    }

    /**
     * An OFFICIAL_DOCS answer: the passages retrieved for the question (made to stand alone with the earlier
     * questions), announced as sources, then answered from by the model or, without one, quoted extractively.
     * Only the passages the answer cites are stored with it.
     */
    private Generated grounded(UserId user, ChatSummary chat, MessageView question, UUID generation,
            TurnListener listener) throws IOException {
        ChatId chatId = new ChatId(chat.id());
        List<MessageView> conversation = history.recent(user, chatId, 100);
        Retrieved retrieved = retrieve(question.content(), earlierQuestions(conversation), chat.documentId());
        if (!model.available()) {
            listener.sources(Citations.sources(retrieved.passages()));
            ExtractiveAnswerer.Answer answer = ExtractiveAnswerer.answer(question.content(), retrieved.searchedAs(),
                    retrieved.passages());
            sendInPieces(answer.text(), listener);
            return new Generated(answer.text(), Citations.cited(retrieved.passages(), answer.cited()), false, null);
        }
        PromptAssembler.Grounded prompt = PromptAssembler.grounded(conversation, retrieved.passages(),
                settings.historyTokens(), settings.passageTokens());
        listener.sources(Citations.sources(prompt.passages()));
        Generated generated = generate(prompt.messages(), chatId, generation, listener);
        Citations.Checked checked = Citations.check(generated.text(), prompt.passages().size());
        return new Generated(checked.text(), generated.interrupted(), generated.failure())
                .cited(Citations.cited(prompt.passages(), checked.cited()));
    }

    private Retrieved retrieve(String question, List<String> earlierQuestions, UUID documentId) {
        try {
            return retrieval.forQuestion(question, earlierQuestions, documentId, settings.passages());
        } catch (RuntimeException e) {
            log.warn("Retrieval failed; answering without passages: {}", e.toString());
            return new Retrieved(question, List.of(question), List.of());
        }
    }

    /** The user's questions before the last one, oldest first. */
    private static List<String> earlierQuestions(List<MessageView> conversation) {
        List<String> questions = conversation.stream().filter(message -> message.role().equals(MessageView.USER))
                .map(MessageView::content).toList();
        return questions.isEmpty() ? questions : questions.subList(0, questions.size() - 1);
    }

    private static void sendInPieces(String text, TurnListener listener) throws IOException {
        String[] words = text.split("(?<=\\s)");
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            piece.append(words[i]);
            if ((i + 1) % EXTRACTIVE_WORDS_PER_TOKEN == 0 || i == words.length - 1) {
                listener.token(piece.toString());
                piece.setLength(0);
            }
        }
    }

    private Generated generate(List<ModelMessage> prompt, ChatId chat, UUID generation, TurnListener listener) {
        StringBuilder text = new StringBuilder();
        Instant deadline = clock.instant().plus(settings.generationTimeout());
        Instant nextStopCheck = clock.instant().plus(settings.stopCheckInterval());
        try (ModelStream stream = model.stream(prompt)) {
            while (true) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return new Generated(text.toString(), true, timeout());
                }
                ModelStream.Event event = stream.poll(left.compareTo(settings.stopCheckInterval()) < 0 ? left
                        : settings.stopCheckInterval());
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
                } catch (IOException clientGone) {
                    return new Generated(text.toString(), true, null);
                }
                if (clock.instant().isAfter(nextStopCheck)) {
                    if (history.stopRequested(chat, generation)) {
                        return new Generated(text.toString(), true, null);
                    }
                    nextStopCheck = clock.instant().plus(settings.stopCheckInterval());
                }
            }
        } catch (ModelFailure failure) {
            return new Generated(text.toString(), true, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Generated(text.toString(), true, null);
        }
    }

    private static Generated noModel(TurnListener listener) throws IOException {
        listener.token(NO_MODEL_REPLY);
        return new Generated(NO_MODEL_REPLY, false, null);
    }

    /** A model-made title replaces the first-question one, after the answer, off the request path. */
    private void nameWithModel(UserId user, ChatId chat, String question) {
        if (!model.available()) {
            return;
        }
        Thread.ofPlatform().daemon().name("title-" + chat).start(() -> {
            try {
                String title = Titles.fromModel(model.complete(PromptAssembler.title(question)));
                if (title != null) {
                    history.rename(user, chat, title);
                }
            } catch (RuntimeException e) {
                log.info("Could not get a title from the model for chat {}: {}", chat, e.getMessage());
            }
        });
    }

    private TurnOutcome idempotent(UserId user, String key, String request, TurnListener listener,
            Supplier<TurnOutcome> turn) {
        if (key == null) {
            return turn.get();
        }
        Instant now = clock.instant();
        Optional<IdempotencyKeys.Stored> earlier = idempotencyKeys.claim(user, key, request, now,
                now.minus(settings.lease()));
        if (earlier.isPresent()) {
            return replay(earlier.get(), listener);
        }
        try {
            TurnOutcome outcome = turn.get();
            idempotencyKeys.complete(user, key, 200, json.writeValueAsString(outcome));
            return outcome;
        } catch (Problem problem) {
            if (problem.status().is5xxServerError() || problem.status() == HttpStatus.GONE) {
                idempotencyKeys.complete(user, key, problem.status().value(),
                        ProblemHandler.json(ProblemHandler.detail(problem)));
            } else {
                idempotencyKeys.release(user, key);
            }
            throw problem;
        } catch (RuntimeException e) {
            idempotencyKeys.release(user, key);
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
        } catch (IOException clientGone) {
            log.debug("Client left during a replay");
        }
        return outcome;
    }

    /** An OFFICIAL_DOCS chat may be tied to one document set, which must exist. */
    private void requireDocument(Category category, UUID documentId) {
        if (category == Category.OFFICIAL_DOCS && documentId != null && knowledge.document(documentId).isEmpty()) {
            throw Problem.invalid("documentId", "there is no document set " + documentId);
        }
    }

    /**
     * The question is stored but its answer could not be: a 5xx, so that an idempotent retry replays
     * this outcome instead of asking again.
     */
    private static Problem answerNotSaved(RuntimeException cause) {
        if (cause instanceof Problem problem && problem.status() == HttpStatus.NOT_FOUND) {
            return new Problem(HttpStatus.GONE, "chat-deleted", "Chat deleted",
                    "The chat was deleted while its answer was being generated");
        }
        log.error("Could not save an answer", cause);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "answer-not-saved", "Answer not saved",
                "Your question was saved but its answer could not be; ask again");
    }

    private ModelFailure timeout() {
        return new ModelFailure(ModelFailure.Kind.TIMEOUT, "no complete answer within "
                + settings.generationTimeout().toSeconds() + " s", null);
    }

    private static Problem problem(ModelFailure failure) {
        if (failure.kind() == ModelFailure.Kind.TIMEOUT) {
            return new Problem(HttpStatus.GATEWAY_TIMEOUT, "generation-timeout", "The answer took too long",
                    "The language model did not finish in time (" + failure.getMessage()
                            + "); your message was saved");
        }
        return new Problem(HttpStatus.BAD_GATEWAY, "model-failed", "The language model failed",
                "The language model could not answer (" + failure.getMessage() + "); your message was saved");
    }

    private static String fingerprint(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
