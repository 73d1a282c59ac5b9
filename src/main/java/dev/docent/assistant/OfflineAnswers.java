package dev.docent.assistant;

import dev.docent.assistant.extractive.ExtractiveAnswerer;
import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.assistant.prompt.Citations;
import dev.docent.chat.Source;
import dev.docent.knowledge.Retrieved;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The answer without a model, for a chat turn and for MCP alike: the best pages chosen by
 * their closest sentence, quoted extractively, and its sources numbered 1..n in the order
 * the answer cites them.
 */
@Component
class OfflineAnswers {

    record Quoted(ExtractiveAnswerer.Answer answer, List<Source> sources) {
    }

    private final PageChoice.Similarity similarity;

    OfflineAnswers(PageChoice.Similarity similarity) {
        this.similarity = similarity;
    }

    Quoted answer(String question, Retrieved retrieved) {
        Retrieved chosen = PageChoice.reorder(question, retrieved, similarity);
        ExtractiveAnswerer.Answer answer = ExtractiveAnswerer.answer(question, chosen, similarity);
        return new Quoted(answer, Citations.inOrderCited(chosen.byPage(), answer.cited()));
    }

}
