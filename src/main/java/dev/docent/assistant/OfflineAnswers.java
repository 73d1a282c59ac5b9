package dev.docent.assistant;

import dev.docent.assistant.extractive.ExtractiveAnswerer;
import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.assistant.prompt.Citations;
import dev.docent.chat.Source;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieved;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The answer without a model, for a chat turn and for MCP alike: the best pages chosen by
 * their closest sentence, quoted extractively, and its sources numbered 1..n in the order
 * the answer cites them. A model is given the same passages to read.
 */
@Component
class OfflineAnswers {

    record Quoted(ExtractiveAnswerer.Answer answer, List<Source> sources) {
    }

    private final PageChoice.Similarity similarity;

    OfflineAnswers(PageChoice.Similarity similarity) {
        this.similarity = similarity;
    }

    /**
     * What a model is given to read, within the prompt's budget: the passages an offline
     * answer reads, in its order (the best pages' further passages after each).
     */
    List<Passage> forModel(String question, Retrieved retrieved) {
        return PageChoice.reorder(question, retrieved, similarity).byPage();
    }

    Quoted answer(String question, Retrieved retrieved) {
        Retrieved chosen = PageChoice.reorder(question, retrieved, similarity);
        ExtractiveAnswerer.Answer answer = ExtractiveAnswerer.answer(question, chosen, similarity);
        return new Quoted(answer, Citations.inOrderCited(chosen.byPage(), answer.cited()));
    }

}
