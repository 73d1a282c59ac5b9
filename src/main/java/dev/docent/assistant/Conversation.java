package dev.docent.assistant;

import dev.docent.assistant.prompt.PromptAssembler;
import dev.docent.assistant.prompt.Titles;
import dev.docent.chat.Category;
import dev.docent.chat.ChatHistory;
import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.llm.ModelFailure;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One conversational turn: take the chat's generation lease while storing the question,
 * answer it (streaming tokens to the listener), store the answer. A stop request, a
 * client that goes away, a timeout or an upstream failure all keep what was said so far,
 * marked interrupted.
 */
@Service
public class Conversation {

    static final String NO_MODEL_REPLY = """
            General chat needs a language model, and this server has none configured. Ask your \
            administrator to set one up (DOCENT_LLM_PROVIDER), or start an OFFICIAL_DOCS chat to get \
            answers from the documentation.""";

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final ChatHistory history;

    private final ModelGeneration model;

    private final GroundedAnswers grounded;

    private final KnowledgeBase knowledge;

    private final AssistantSettings settings;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    Conversation(ChatHistory history, ModelGeneration model, GroundedAnswers grounded, KnowledgeBase knowledge,
            AssistantSettings settings, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.history = history;
        this.model = model;
        this.grounded = grounded;
        this.knowledge = knowledge;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * A new chat's first turn; an unknown document set is refused before anything is
     * stored.
     */
    public Turn start(UserId user, Category category, UUID documentId, String message) {
        requireDocument(category, documentId);
        return listener -> {
            UUID generation = UUID.randomUUID();
            ChatHistory.Started started = history.start(user, category, documentId, Titles.fromQuestion(message),
                    message, generation);
            return answerAndTell(user, started.chat(), started.userMessage(), generation, listener, true);
        };
    }

    /** A further turn in a chat; an unknown chat is refused before anything is stored. */
    public Turn reply(UserId user, ChatId chat, String message) {
        ChatSummary summary = history.summary(user, chat);
        return listener -> {
            UUID generation = UUID.randomUUID();
            MessageView question = history.appendUserMessage(user, chat, message, generation,
                    settings.generationLease());
            return answerAndTell(user, summary, question, generation, listener, false);
        };
    }

    /**
     * Answers the chat's last question again; the earlier answer stays as a version.
     * {@code message} is the last message: the answer to replace, or an unanswered
     * question.
     */
    public Turn regenerate(UserId user, ChatId chat, UUID message) {
        ChatSummary summary = history.summary(user, chat);
        return listener -> {
            UUID generation = UUID.randomUUID();
            MessageView question = history.beginRegeneration(user, chat, message, generation,
                    settings.generationLease());
            return answer(user, summary, question, generation, listener);
        };
    }

    /**
     * A new version of one of the chat's questions, and its answer; the conversation that
     * followed the earlier version is kept on that version.
     */
    public Turn edit(UserId user, ChatId chat, UUID message, String text) {
        ChatSummary summary = history.summary(user, chat);
        return listener -> {
            UUID generation = UUID.randomUUID();
            MessageView question = history.editUserMessage(user, chat, message, text, generation,
                    settings.generationLease());
            return answer(user, summary, question, generation, listener);
        };
    }

    /**
     * Shows another version of a message; refused while an answer is being generated in
     * the chat, whose path it would change.
     */
    public ChatHistory.Json selectVersion(UserId user, ChatId chat, UUID message) {
        return history.selectVersion(user, chat, message, settings.generationLease());
    }

    /**
     * Asks the chat's running generation to stop; false when nothing is running. A
     * generation whose lease was not renewed in time died with its instance: its question
     * is marked interrupted at once.
     */
    public boolean stop(UserId user, ChatId chat) {
        return history.requestStop(user, chat, settings.generationLease());
    }

    /**
     * Answers, then tells the modules that listen how the turn went, whether it failed or
     * not.
     */
    private TurnOutcome answerAndTell(UserId user, ChatSummary chat, MessageView question, UUID generation,
            TurnListener listener, boolean first) {
        SourcesHeard heard = new SourcesHeard(listener);
        TurnOutcome outcome;
        try {
            outcome = answer(user, chat, question, generation, heard);
        }
        catch (TurnFailed failed) {
            answered(new QuestionAnswered(user, new ChatId(chat.id()), question.content(), first, chat.category(),
                    chat.documentId(), question.createdAt(), null, QuestionAnswered.Outcome.FAILED, List.of(),
                    heard.sources()));
            throw failed;
        }
        MessageView answer = outcome.answer();
        answered(new QuestionAnswered(user, new ChatId(chat.id()), question.content(), first, chat.category(),
                chat.documentId(), question.createdAt(), answer.id(), outcomeOf(chat.category(), answer),
                answer.sources(), heard.sources()));
        return outcome;
    }

    private static QuestionAnswered.Outcome outcomeOf(Category category, MessageView answer) {
        if (answer.interrupted()) {
            return QuestionAnswered.Outcome.STOPPED;
        }
        if (category == Category.OFFICIAL_DOCS && answer.sources().isEmpty()) {
            return QuestionAnswered.Outcome.NOT_COVERED;
        }
        return QuestionAnswered.Outcome.ANSWERED;
    }

    private TurnOutcome answer(UserId user, ChatSummary chat, MessageView question, UUID generation,
            TurnListener listener) {
        ChatId chatId = new ChatId(chat.id());
        Generated generated;
        try {
            listener.meta(chat.id(), question.id());
            generated = chat.category() == Category.OFFICIAL_DOCS
                    ? grounded.answer(user, chat, question, generation, listener)
                    : general(user, chatId, generation, listener);
        }
        catch (IOException clientGone) {
            generated = new Generated("", true, null);
        }
        catch (RuntimeException e) {
            history.release(chatId, generation);
            throw answerNotSaved(e);
        }
        if (generated.failure() != null && generated.text().isEmpty()) {
            history.release(chatId, generation);
            throw failed(generated.failure());
        }
        MessageView answer;
        ChatSummary after;
        try {
            answer = history.appendAnswer(user, chatId, generation, question.id(), generated.text(),
                    generated.sources(), generated.interrupted());
            after = history.summary(user, chatId);
        }
        catch (RuntimeException e) {
            history.release(chatId, generation);
            throw answerNotSaved(e);
        }
        if (generated.failure() != null) {
            throw failed(generated.failure());
        }
        try {
            listener.done(answer, after);
        }
        catch (IOException clientGone) {
            log.debug("Client left before the end of the answer in chat {}", chatId);
        }
        return new TurnOutcome(after, question, answer);
    }

    private Generated general(UserId user, ChatId chat, UUID generation, TurnListener listener) throws IOException {
        if (!model.available()) {
            GroundedAnswers.streamWhole(listener, List.of(), List.of(NO_MODEL_REPLY));
            return new Generated(NO_MODEL_REPLY, false, null);
        }
        listener.sources(List.of());
        return model.generate(PromptAssembler.general(history.recent(user, chat, 100), settings.historyTokens()), chat,
                generation, listener);
    }

    /**
     * Published in a transaction of its own: module listeners hear it once it commits,
     * off this thread.
     */
    private void answered(QuestionAnswered event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** An OFFICIAL_DOCS chat may be tied to one document set, which must exist. */
    private void requireDocument(Category category, UUID documentId) {
        if (category == Category.OFFICIAL_DOCS && documentId != null && knowledge.document(documentId).isEmpty()) {
            throw Problem.invalid("documentId", "there is no document set " + documentId);
        }
    }

    /** The question is stored but its answer could not be. */
    private static TurnFailed answerNotSaved(RuntimeException cause) {
        if (cause instanceof Problem problem && Problem.NOT_FOUND.equals(problem.type())) {
            return new TurnFailed(TurnFailed.Reason.CHAT_DELETED,
                    "The chat was deleted while its answer was being generated");
        }
        log.error("Could not save an answer", cause);
        return new TurnFailed(TurnFailed.Reason.ANSWER_NOT_SAVED,
                "Your question was saved but its answer could not be; ask again");
    }

    private static TurnFailed failed(ModelFailure failure) {
        if (failure.kind() == ModelFailure.Kind.TIMEOUT) {
            return new TurnFailed(TurnFailed.Reason.GENERATION_TIMEOUT,
                    "The language model did not finish in time (" + failure.getMessage() + "); your message was saved");
        }
        return new TurnFailed(TurnFailed.Reason.MODEL_FAILED,
                "The language model could not answer (" + failure.getMessage() + "); your message was saved");
    }

}
