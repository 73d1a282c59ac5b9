package dev.docent.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void wordsAreLowerCasedSplitAtPunctuationAndScriptsButKeepDottedNumbers() {
        assertThat(Terms.words("Since Python 3.11, os.path.join() and lru_cache: lambda는 뭐예요?")).containsExactly(
                "since", "python", "3.11", "os", "path", "join", "and", "lru", "cache", "lambda", "는", "뭐예요");
    }

    @Test
    void contentTermsDropStopWordsQuestionWrappingAndSingleLetters() {
        assertThat(Terms.contentTerms("How do I get the x and y of a Point, please?")).containsExactly("point");
        assertThat(Terms.contentTerms("Can you tell me what is the best way to sort a list?")).containsExactly("sort",
                "list");
    }

    @Test
    void inflectionsOfOneWordShareAStem() {
        assertThat(Terms.contentTerms("values value valued")).containsOnly("valu");
        assertThat(Terms.contentTerms("cache caches cached caching")).containsOnly("cach");
        assertThat(Terms.contentTerms("sort sorts sorted sorting")).containsOnly("sort");
        assertThat(Terms.contentTerms("entry entries")).containsOnly("entry");
        assertThat(Terms.contentTerms("class classes")).containsOnly("class");
        assertThat(Terms.contentTerms("field fields")).containsOnly("field");
        assertThat(Terms.contentTerms("running run")).containsOnly("run");
        assertThat(Terms.stem("namedtuple")).isEqualTo("namedtupl");
    }

    @Test
    void differentWordsKeepDifferentStems() {
        assertThat(Terms.stem("key")).isNotEqualTo(Terms.stem("keyword"));
        assertThat(Terms.stem("process")).isEqualTo("process");
        assertThat(Terms.stem("status")).isEqualTo("status");
        assertThat(Terms.contentTerms("string strings spring")).containsExactly("string", "string", "spring");
    }

    @Test
    void otherScriptsAreKeptWhole() {
        assertThat(Terms.contentTerms("딕셔너리에 키가 있는지")).containsExactly("딕셔너리에", "키가", "있는지");
        assertThat(Terms.stem("기본값을")).isEqualTo("기본값을");
    }

    @Test
    void englishIsToldFromOtherLanguages() {
        assertThat(Terms.isLikelyEnglish("How do I check whether a dict has a key?")).isTrue();
        assertThat(Terms.isLikelyEnglish("namedtuple defaults")).isTrue();
        assertThat(Terms.isLikelyEnglish("x = [1, 2, 3]")).isTrue();
        assertThat(Terms.isLikelyEnglish("42")).isTrue();
        assertThat(Terms.isLikelyEnglish("파이썬에서 딕셔너리에 키가 있는지 어떻게 확인해요?")).isFalse();
        assertThat(Terms.isLikelyEnglish("namedtuple에서 기본값을 어떻게 지정하나요?")).isFalse();
        assertThat(Terms.isLikelyEnglish("Comment trier une liste avec Python ?")).isFalse();
        assertThat(Terms.isLikelyEnglish("Wie sortiere ich eine Liste in Python?")).isFalse();
        assertThat(Terms.isLikelyEnglish("¿Cómo ordeno una lista en Python?")).isFalse();
    }

}
