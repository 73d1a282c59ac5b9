package dev.docent.llm.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The default in-process model, all-MiniLM-L6-v2 quantized. */
class AllMiniLmEmbedderTest extends InProcessEmbedderContract {

    @Override
    InProcessModel model() {
        return InProcessModel.ALL_MINILM_L6_V2_Q;
    }

    @Test
    void embedsAQuestionAsItWouldAPassage() {
        String question = "How do I sort a list?";

        assertThat(embedder.embedQuery(question)).containsExactly(embedder.embedPassages(List.of(question)).getFirst());
    }

}
