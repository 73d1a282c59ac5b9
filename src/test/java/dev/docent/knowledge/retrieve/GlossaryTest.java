package dev.docent.knowledge.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryTest {

    private final Glossary glossary = Glossary.builtIn();

    @Test
    void theBuiltInGlossaryHasAFewHundredGeneralTerms() {
        assertThat(glossary.size()).isGreaterThan(300);
        assertThat(glossary.englishFor("리스트")).containsExactly("list");
        assertThat(glossary.englishFor("예외")).containsExactly("exception");
        assertThat(glossary.englishFor("데코레이터")).containsExactly("decorator");
    }

    @Test
    void termsAreFoundThroughTheirParticles() {
        assertThat(glossary.englishFor("리스트를 정렬하려면 어떻게 해요?")).containsExactly("list", "sort", "sorting", "sorted",
                "order");
        assertThat(glossary.englishFor("딕셔너리에서 키를 지우고 싶어요")).contains("dictionary", "dict", "key", "delete", "remove");
    }

    @Test
    void compoundsWrittenAsOneWordAreSplitIntoTheirTerms() {
        assertThat(glossary.englishFor("예외처리를")).contains("exception handling", "try", "except");
        assertThat(glossary.englishFor("파일읽기는")).contains("file", "read");
        assertThat(glossary.englishFor("템플릿태그에서")).containsExactly("template tag");
    }

    @Test
    void aVerbIsFoundAsConjugated() {
        assertThat(glossary.englishFor("두 리스트를 합치고 싶어요")).contains("list", "merge", "join");
        assertThat(glossary.englishFor("객체를 만들어서")).contains("object", "create");
        assertThat(Glossary.verbStem("파싱하다")).isEqualTo("파싱");
        assertThat(Glossary.verbStem("지우기")).isEqualTo("지우");
        assertThat(Glossary.verbStem("쓰기")).isEmpty();
        assertThat(Glossary.verbStem("리스트")).isEmpty();
    }

    @Test
    void aOneSyllableTermCountsOnlyAsAWholeWord() {
        assertThat(glossary.englishFor("값을 바꾸려면")).contains("value");
        assertThat(glossary.englishFor("키보드")).doesNotContain("key");
        assertThat(glossary.englishFor("열심히")).doesNotContain("column");
    }

    @Test
    void aKoreanQuestionIsRenderedAsItsNamesAndTheEnglishTermsOfItsWords() {
        assertThat(glossary.inEnglish("파이썬에서 lambda는 뭐고 언제 쓰는 거예요?")).contains("lambda python");
        assertThat(glossary.inEnglish("str.strip()으로 공백을 제거하려면?"))
            .contains("str.strip whitespace space blank remove strip delete");
        assertThat(glossary.inEnglish("채팅을 공유하려면 어떻게 하나요?")).contains("chat share sharing");
        assertThat(glossary.inEnglish("how do I write a decorator?")).isEmpty();
        assertThat(glossary.inEnglish("안녕하세요")).isEmpty();
    }

    @Test
    void anAdminsFileAddsTermsAndReplacesBuiltInOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("glossary.txt");
        Files.writeString(file, """
                # our product's words
                문서집합 = document set
                리스트 = list, sequence
                """, StandardCharsets.UTF_8);

        Glossary extended = Glossary.load(file);

        assertThat(extended.size()).isEqualTo(glossary.size() + 1);
        assertThat(extended.englishFor("문서집합은 어디에 있나요")).containsExactly("document set");
        assertThat(extended.englishFor("리스트")).containsExactly("list", "sequence");
        assertThat(Glossary.load(null).size()).isEqualTo(glossary.size());
    }

    @Test
    void aBadLineOrAMissingFileIsReportedWithWhereItIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("glossary.txt");
        Files.writeString(file, "리스트 = list\n리스트 list\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Glossary.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("line 2")
            .hasMessageContaining("리스트 list");
        assertThatThrownBy(() -> Glossary.load(dir.resolve("missing.txt"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("missing.txt");
    }

}
