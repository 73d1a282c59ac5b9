package dev.docent.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = { "abc", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "a-b_c~d+e/f", "abc==", "x=" })
    void acceptsRfc6750Tokens(String token) {
        assertThat(BearerHeader.wellFormed(token)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "=", "==abc", "a b", "a=b", "tok\"en", "a,b", "é" })
    void refusesEverythingElse(String token) {
        assertThat(BearerHeader.wellFormed(token)).isFalse();
    }

}
