package dev.docent.assistant.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void aQuestionMostlyInHangulIsAnsweredInKoreanEvenWithNamesInIt() {
        assertThat(Wording.of("파이썬에서 lambda는 뭐고 언제 쓰는 거예요?")).isEqualTo(Wording.KOREAN);
        assertThat(Wording.of("str.strip()은 뭐예요?")).isEqualTo(Wording.KOREAN);
        assertThat(Wording.of("장고 템플릿에서 forloop.counter0 쓰는 법")).isEqualTo(Wording.KOREAN);
    }

    @Test
    void otherQuestionsAreAnsweredInEnglish() {
        assertThat(Wording.of("How do I sort a list?")).isEqualTo(Wording.ENGLISH);
        assertThat(Wording.of("Comment trier une liste ?")).isEqualTo(Wording.ENGLISH);
        assertThat(Wording.of("what does 'defaultdict' mean in the 한국어 docs")).isEqualTo(Wording.ENGLISH);
        assertThat(Wording.of("???")).isEqualTo(Wording.ENGLISH);
    }

    @Test
    void theNotCoveredSentenceIsInTheQuestionsLanguageAndSuggestsEnglishForOthers() {
        String korean = "딕셔너리에 키가 있는지 어떻게 확인해요?";
        String french = "Comment trier une liste avec une clé ?";

        assertThat(Wording.of(korean).withAskInEnglish(Wording.of(korean).notCovered(), korean))
            .startsWith("문서에서 이 질문을 다루지 않는 것 같습니다.")
            .endsWith("영어로 물어보는 것도 도움이 될 수 있습니다.");
        assertThat(Wording.of(french).withAskInEnglish(Wording.of(french).notCovered(), french))
            .startsWith("The documentation does not seem to cover this question")
            .endsWith("asking in English may help too.");
        assertThat(Wording.ENGLISH.withAskInEnglish(Wording.ENGLISH.nothingFound(), "How do I sort?"))
            .isEqualTo(Wording.ENGLISH.nothingFound());
    }

    @Test
    void everySentenceHasItsKoreanWording() {
        assertThat(Wording.KOREAN.nothingFound()).contains("찾지 못했습니다");
        assertThat(Wording.KOREAN.matchedWords("namedtuple")).startsWith("문서가 영어로 쓰여 있어")
            .contains("(namedtuple)")
            .endsWith(":");
        assertThat(Wording.KOREAN.matchedWords("")).doesNotContain("()");
        assertThat(Wording.KOREAN.closest("dict (Python 3.11)", "A dictionary maps keys to values [1]."))
            .contains("*dict (Python 3.11)*에 있습니다:", "> A dictionary maps keys to values [1].");
        assertThat(Wording.KOREAN.from("Sorting HOW TO", 2)).isEqualTo("*Sorting HOW TO*에서 [2]:");
    }

}
