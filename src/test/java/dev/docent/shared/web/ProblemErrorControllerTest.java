package dev.docent.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which query strings Tomcat can decode, as the error page tells them apart. */
class ProblemErrorControllerTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "q=tea, true", "q=%ED%95%9C, true", "q=a+b&k=5, true", "q=%zz, false", "q=%, false", "q=%C0%80, false",
            "q=%ED%A0%80, false", "q=%FF, false" })
    void aQueryIsDecodableWhenItsEscapesAreHexAndTheirBytesUtf8(String query, boolean decodable) {
        assertThat(ProblemErrorController.decodable(query)).isEqualTo(decodable);
    }

}
