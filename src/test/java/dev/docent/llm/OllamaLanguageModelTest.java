package dev.docent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.docent.llm.ModelFailure.Kind;
import dev.docent.llm.ModelStream.Token;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Ollama adapter: /api/chat, streamed as newline-delimited JSON. */
class OllamaLanguageModelTest extends LanguageModelContract {

    @Override
    String provider() {
        return "ollama";
    }

    @Override
    String basePath() {
        return "";
    }

    @Override
    String chatPath() {
        return "/api/chat";
    }

    @Override
    String completion(String text) {
        return line(text, true).strip();
    }

    @Override
    String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    String streamedToken(String token) {
        return line(token, false);
    }

    @Override
    String streamedNothing() {
        return line("", false);
    }

    @Override
    String streamedThinking(String thought) {
        return line("", thought, false);
    }

    @Override
    String streamEnd() {
        return line("", true);
    }

    @Override
    RequestPatternBuilder expectedRequest(boolean streaming) {
        return postRequestedFor(urlPathEqualTo(chatPath())).withHeader("Authorization", equalTo("Bearer " + API_KEY))
            .withRequestBody(matchingJsonPath("$.stream", equalTo(String.valueOf(streaming))));
    }

    @Test
    void anErrorInTheMiddleOfAStreamFailsIt() throws Exception {
        upstream.stubFor(post(chatPath()).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", streamContentType())
            .withBody(streamedToken("partial") + "{\"error\":\"model runner has unexpectedly stopped\"}\n")));

        ModelStream stream = open(model(TIMEOUT).stream(CONVERSATION));

        assertThat(stream.poll(Duration.ofSeconds(1))).isEqualTo(new Token("partial"));
        assertThatThrownBy(() -> tokensUntilDone(stream)).isInstanceOfSatisfying(ModelFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(Kind.UPSTREAM);
            assertThat(f.getMessage()).contains("model runner has unexpectedly stopped");
        });
    }

    private static String line(String content, boolean done) {
        return line(content, null, done);
    }

    private static String line(String content, String thinking, boolean done) {
        String end = done
                ? ",\"done_reason\":\"stop\",\"done\":true,\"total_duration\":5,\"load_duration\":1,"
                        + "\"prompt_eval_count\":20,\"prompt_eval_duration\":2,\"eval_count\":4,\"eval_duration\":2"
                : ",\"done\":false";
        return "{\"model\":\"test-model\",\"created_at\":\"2025-01-22T11:22:42.180546Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\""
                + (thinking == null ? "" : ",\"thinking\":\"" + thinking + "\"") + "}" + end + "}\n";
    }

}
