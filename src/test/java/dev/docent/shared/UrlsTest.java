package dev.docent.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "http://127.0.0.1:11434 | http://127.0.0.1:11434",
            "https://user:pw@api.example.org/v1 | https://***@api.example.org/v1",
            "http://host/v1?key=abc&debug | http://host/v1?key=***&debug",
            "redis://:pw@cache:6379/0 | redis://***@cache:6379/0", "http://us er:p w@host/v1 | http://***@host/v1",
            "http://user:pw@host/v1?key=a b | http://***@host/v1?***" })
    void credentialsAndQueryValuesAreNeverShown(String url, String shown) {
        assertThat(Urls.redacted(url)).isEqualTo(shown);
    }

}
