package dev.docent.assistant;

import dev.docent.assistant.extractive.ExtractiveAnswerer;
import dev.docent.assistant.prompt.Citations;
import dev.docent.assistant.prompt.PromptAssembler;
import dev.docent.chat.ChatHistory;
import dev.docent.chat.ChatSummary;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;
import dev.docent.knowledge.Retrieval;
import dev.docent.knowledge.Retrieved;
import dev.docent.shared.ChatId;
import dev.docent.shared.UserId;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An OFFICIAL_DOCS answer: the passages retrieved for the question (made to stand alone
 * with the earlier questions), announced as sources, then answered from by the model or,
 * without one, quoted extractively. Only the passages the answer cites are stored with
 * it.
 */
@Component
class GroundedAnswers {

    private static final Logger log = LoggerFactory.getLogger(GroundedAnswers.class);

    private final ChatHistory history;

    private final Retrieval retrieval;

    private final ModelGeneration model;

    private final AssistantSettings settings;

    private final OfflineAnswers offline;

    GroundedAnswers(ChatHistory history, Retrieval retrieval, ModelGeneration model, AssistantSettings settings,
            OfflineAnswers offline) {
        this.offline = offline;
        this.history = history;
        this.retrieval = retrieval;
        this.model = model;
        this.settings = settings;
    }

    Generated answer(UserId user, ChatSummary chat, MessageView question, UUID generation, TurnListener listener)
            throws IOException {
        ChatId chatId = new ChatId(chat.id());
        List<MessageView> conversation = history.recent(user, chatId, 100);
        Retrieved retrieved = retrieve(question.content(), earlierQuestions(conversation), chat.documentId());
        listener.retrieved(Citations.sources(retrieved.passages()));
        if (!model.available()) {
            OfflineAnswers.Quoted quoted = offline.answer(question.content(), retrieved);
            ExtractiveAnswerer.Answer answer = quoted.answer();
            List<Source> sources = quoted.sources();
            streamWhole(listener, sources, answer.chunks());
            return new Generated(answer.text(), sources, false, null);
        }
        PromptAssembler.Grounded prompt = PromptAssembler.grounded(conversation,
                offline.forModel(question.content(), retrieved), settings.historyTokens(), settings.passageTokens());
        listener.sources(Citations.sources(prompt.passages()));
        Generated generated = model.generate(prompt.messages(), chatId, generation, listener);
        Citations.Checked checked = Citations.check(generated.text(), prompt.passages().size());
        return new Generated(checked.text(), generated.interrupted(), generated.failure())
            .cited(Citations.cited(prompt.passages(), checked.cited()));
    }

    /**
     * An offline answer is whole before its first token is sent: a client that leaves
     * while it streams loses nothing by it, and finds the whole answer when it comes back
     * (a model's answer, cut where the client left, is kept as far as it got).
     */
    static void streamWhole(TurnListener listener, List<Source> sources, List<String> chunks) {
        try {
            listener.sources(sources);
            for (String chunk : chunks) {
                listener.token(chunk);
            }
        }
        catch (IOException clientGone) {
            log.debug("Client left while a whole answer streamed; it is stored whole");
        }
    }

    private Retrieved retrieve(String question, List<String> earlierQuestions, UUID documentId) {
        try {
            return retrieval.forQuestion(question, earlierQuestions, documentId, settings.passages());
        }
        catch (RuntimeException e) {
            log.warn("Retrieval failed; answering without passages: {}", e.toString());
            return new Retrieved(question, List.of(question), List.of());
        }
    }

    /** The user's questions before the last one, oldest first. */
    private static List<String> earlierQuestions(List<MessageView> conversation) {
        List<String> questions = conversation.stream()
            .filter(message -> message.role().equals(MessageView.USER))
            .map(MessageView::content)
            .toList();
        return questions.isEmpty() ? questions : questions.subList(0, questions.size() - 1);
    }

}
