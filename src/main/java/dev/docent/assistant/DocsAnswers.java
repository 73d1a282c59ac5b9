package dev.docent.assistant;

import dev.docent.assistant.prompt.Citations;
import dev.docent.assistant.prompt.PromptAssembler;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieval;
import dev.docent.knowledge.Retrieved;
import dev.docent.llm.ModelFailure;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A grounded answer to one question that belongs to no chat (a coding agent's question
 * over MCP): the same retrieval and answerer as an OFFICIAL_DOCS turn, nothing stored.
 */
@Service
public class DocsAnswers {

    /** The answer and the passages it cites, numbered as the answer cites them. */
    public record Answer(String text, List<Source> sources) {

        public Answer {
            sources = List.copyOf(sources);
        }
    }

    private final Retrieval retrieval;

    private final ModelGeneration model;

    private final AssistantSettings settings;

    private final OfflineAnswers offline;

    DocsAnswers(Retrieval retrieval, ModelGeneration model, AssistantSettings settings, OfflineAnswers offline) {
        this.offline = offline;
        this.retrieval = retrieval;
        this.model = model;
        this.settings = settings;
    }

    /**
     * @param documentId one document set, or null for all of {@code readable}
     * @param readable the document sets the caller may read; empty means all
     * @throws ModelFailure when the model failed before saying anything
     */
    public Answer ask(String question, UUID documentId, Set<UUID> readable) {
        Retrieved retrieved = retrieved(question, documentId, readable);
        if (!model.available()) {
            OfflineAnswers.Quoted quoted = offline.answer(question, retrieved);
            return new Answer(quoted.answer().text(), quoted.sources());
        }
        MessageView asked = new MessageView(UUID.randomUUID(), 1, MessageView.USER, question, List.of(), false,
                Instant.now());
        PromptAssembler.Grounded prompt = PromptAssembler.grounded(List.of(asked),
                offline.forModel(question, retrieved), settings.historyTokens(), settings.passageTokens());
        Generated generated = model.generate(prompt.messages(), () -> false, TurnListener.SILENT);
        if (generated.failure() != null && generated.text().isEmpty()) {
            throw generated.failure();
        }
        Citations.Checked checked = Citations.check(generated.text(), prompt.passages().size());
        return new Answer(checked.text(), Citations.cited(prompt.passages(), checked.cited()));
    }

    /**
     * A caller limited to several sets searches them all, keeping the best passages of
     * the sets it may read.
     */
    private Retrieved retrieved(String question, UUID documentId, Set<UUID> readable) {
        if (documentId != null || readable.isEmpty()) {
            return retrieval.forQuestion(question, List.of(), documentId, settings.passages());
        }
        if (readable.size() == 1) {
            return retrieval.forQuestion(question, List.of(), readable.iterator().next(), settings.passages());
        }
        Retrieved retrieved = retrieval.forQuestion(question, List.of(), null, Retrieval.MAX_K);
        return new Retrieved(retrieved.searchedAs(), retrieved.queries(),
                readableOnly(retrieved.passages(), readable).limit(settings.passages()).toList(),
                readableOnly(retrieved.furtherOnTopPages(), readable).toList());
    }

    private static java.util.stream.Stream<Passage> readableOnly(List<Passage> passages, Set<UUID> readable) {
        return passages.stream().filter(passage -> readable.contains(passage.documentId()));
    }

}
