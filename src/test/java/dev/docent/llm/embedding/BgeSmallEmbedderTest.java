package dev.docent.llm.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional in-process model, bge-small-en-v1.5 quantized. */
class BgeSmallEmbedderTest extends InProcessEmbedderContract {

    @Override
    InProcessModel model() {
        return InProcessModel.BGE_SMALL_EN_V15_Q;
    }

    @Test
    void embedsAQuestionWithTheInstructionItWasTrainedWith() {
        String question = "How do I sort a list?";
        float[] asked = embedder.embedQuery(question);

        assertThat(asked).containsExactly(
                embedder.embedPassages(List.of("Represent this sentence for searching relevant passages: " + question))
                    .getFirst(),
                within(1e-6f));
        assertThat(dot(asked, embedder.embedPassages(List.of(question)).getFirst())).isLessThan(0.99);
    }

}
