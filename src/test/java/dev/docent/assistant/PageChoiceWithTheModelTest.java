package dev.docent.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.assistant.extractive.ExtractiveAnswerer;
import dev.docent.assistant.extractive.ExtractiveAnswerer.Answer;
import dev.docent.assistant.pagechoice.PageChoice;
import dev.docent.assistant.prompt.Citations;
import dev.docent.chat.Source;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieved;
import dev.docent.llm.embedding.InProcessEmbedder;
import dev.docent.llm.embedding.InProcessModel;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The page an offline answer is read from, chosen with the in-process embedding model as
 * a server runs it, over passages of the Python documentation.
 */
class PageChoiceWithTheModelTest {

    private static final UUID PYTHON = UUID.randomUUID();

    /**
     * library/stdtypes.html § Comparisons, as ingested: the failure modes' table and the
     * paragraphs after it.
     */
    private static final String COMPARISONS = ExtractiveFailureModesTest.COMPARISONS + """
             The == operator is always defined but for some object types (for example, class objects) is \
            equivalent to is. The <, <=, > and >= operators are only defined where they make sense; for example, \
            they raise a TypeError exception when one of the arguments is a complex number.

            Non-identical instances of a class normally compare as non-equal unless the class defines the __eq__() \
            method.

            The behavior of the is and is not operators cannot be customized; also they can be applied to any two \
            objects and never raise an exception.""";

    private final SentenceSimilarity similarity = new SentenceSimilarity(
            new InProcessEmbedder(InProcessModel.ALL_MINILM_L6_V2_Q));

    @Test
    void theComparisonsSectionAnswersIsAndEqualsThoughIpaddressRankedFirst() {
        String question = "What is the difference between == and is when comparing two objects?";
        Passage ipaddress = python("ipaddress", "Logical operators", ExtractiveFailureModesTest.IP_OPERATORS);
        Passage comparisons = python("stdtypes", "Comparisons", COMPARISONS);
        Retrieved retrieved = new Retrieved(question, List.of(question), List.of(ipaddress, comparisons), List.of());
        Answer asRanked = ExtractiveAnswerer.answer(question, retrieved);
        assertThat(Citations.inOrderCited(retrieved.byPage(), asRanked.cited()).getFirst().page())
            .as("as retrieval ranked them")
            .isEqualTo("library/ipaddress.html");

        Retrieved chosen = PageChoice.reorder(question, retrieved, similarity);
        Answer answer = ExtractiveAnswerer.answer(question, chosen);

        assertThat(chosen.passages().getFirst()).isEqualTo(comparisons);
        assertThat(answer.text()).startsWith("Objects of different types").contains("the is and is not operators");
        List<Source> sources = Citations.inOrderCited(chosen.byPage(), answer.cited());
        assertThat(sources.getFirst().page()).isEqualTo("library/stdtypes.html");
    }

    private static Passage python(String page, String section, String text) {
        return new Passage(page + "-" + section, PYTHON, "Python 3.11", "library/" + page + ".html", page, section,
                "https://docs.python.org/3.11/library/" + page + ".html", text, 1.0);
    }

}
