package dev.docent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** The OpenAI-compatible adapter: chat completions, streamed as server-sent events. */
class OpenAiLanguageModelTest extends LanguageModelContract {

    @Override
    String provider() {
        return "openai";
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    String completion(String text) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":4,"total_tokens":24}}""".formatted(text);
    }

    @Override
    String streamContentType() {
        return "text/event-stream";
    }

    @Override
    String streamedToken(String token) {
        return chunk("{\"content\":\"" + token + "\"}", null);
    }

    @Override
    String streamedNothing() {
        return chunk("{\"role\":\"assistant\",\"content\":\"\"}", null);
    }

    @Override
    String streamedThinking(String thought) {
        return chunk("{\"reasoning_content\":\"" + thought + "\"}", null);
    }

    @Override
    String streamEnd() {
        return chunk("{}", "\"stop\"") + "data: [DONE]\n\n";
    }

    @Override
    RequestPatternBuilder expectedRequest(boolean streaming) {
        RequestPatternBuilder request = postRequestedFor(urlPathEqualTo(chatPath())).withHeader("Authorization",
                equalTo("Bearer " + API_KEY));
        return streaming ? request.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : request.withRequestBody(not(matchingJsonPath("$[?(@.stream == true)]")));
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"test-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

}
