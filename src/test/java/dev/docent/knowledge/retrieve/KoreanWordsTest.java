package dev.docent.knowledge.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KoreanWordsTest {

    @Test
    void theParticleOfANounIsRemoved() {
        assertThat(KoreanWords.withoutParticle("리스트를")).isEqualTo("리스트");
        assertThat(KoreanWords.withoutParticle("딕셔너리에서")).isEqualTo("딕셔너리");
        assertThat(KoreanWords.withoutParticle("파이썬으로는")).isEqualTo("파이썬");
        assertThat(KoreanWords.withoutParticle("함수의")).isEqualTo("함수");
        assertThat(KoreanWords.withoutParticle("모듈과")).isEqualTo("모듈");
    }

    @Test
    void aWordWithoutAParticleOrOfOneSyllableStaysAsItIs() {
        assertThat(KoreanWords.withoutParticle("클래스")).isEqualTo("클래스");
        assertThat(KoreanWords.withoutParticle("가")).isEqualTo("가");
        assertThat(KoreanWords.withoutParticle("값")).isEqualTo("값");
    }

    @Test
    void hangulIsToldFromOtherScripts() {
        assertThat(KoreanWords.hasHangul("lambda는")).isTrue();
        assertThat(KoreanWords.hasHangul("lambda")).isFalse();
        assertThat(KoreanWords.hasHangul("ラムダ")).isFalse();
    }

}
