package dev.docent.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageAnalyzerTest {

    private final PassageAnalyzer passages = PassageAnalyzer.forPassages();

    private final PassageAnalyzer questions = PassageAnalyzer.forQuestions();

    @Test
    void anIdentifierIsIndexedWholeAndByItsParts() {
        List<String> indexed = passages
            .terms("Call str.strip(), decorate with lru_cache or loop with forloop.counter0.");

        assertThat(indexed).containsAll(questions.terms("str.strip"))
            .containsAll(questions.terms("strip"))
            .containsAll(questions.terms("lru_cache"))
            .containsAll(questions.terms("cache"))
            .containsAll(questions.terms("forloop.counter0"))
            .containsAll(questions.terms("counter"));
    }

    @Test
    void wordsJoinedByCaseAreFoundApart() {
        assertThat(passages.terms("OrderedDict")).containsAll(questions.terms("ordered dict"))
            .containsAll(questions.terms("ordereddict"));
    }

    @Test
    void latinLettersAreSplitFromTheScriptTheyAreWrittenAgainst() {
        assertThat(questions.terms("파이썬에서 lambda는 뭐고 언제 쓰는 거예요?")).contains("lambda", "는", "파이썬에서")
            .doesNotContain("lambda는");
        assertThat(passages.terms("admin페이지")).containsExactly("admin", "페이지");
    }

    @Test
    void aQuestionIsSearchedWithoutItsWrapping() {
        assertThat(questions.terms("How do I check if a dictionary already has a certain key before using it?"))
            .containsExactlyElementsOf(passages.terms("check dictionary already certain key"));
    }

    @Test
    void passagesKeepTheWordsAQuestionIsWrappedIn() {
        assertThat(passages.terms("How do I…?")).isNotEmpty();
        assertThat(questions.terms("How do I…?")).isEmpty();
    }

}
