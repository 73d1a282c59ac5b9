package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document a client generator reads: summaries and ids, the bearer scheme,
 * problem+json for every error, server-sent events for the streaming turns. Then
 * Redocly's recommended rules ({@code redocly.yaml}), when Node.js and {@code npm ci}'s
 * modules are there, the way {@link JavaScriptTest} runs ESLint.
 */
@DocentTest
class OpenApiLintTest {

    private static final Path REDOCLY = Path.of("node_modules/@redocly/cli/bin/cli.js");

    private static final Path DOCUMENT = Path.of("target/openapi.json");

    private static final List<String> PUBLIC = List.of("signUp", "logIn", "getAuthOptions", "refreshTokens", "logOut",
            "startBrowserSession", "refreshBrowserSession", "endBrowserSession", "probeBrowserSession",
            "startWidgetSession");

    @LocalServerPort
    int port;

    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        Api.Response docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, docs.body());
        document = docs.json();
    }

    @Test
    void everyOperationHasASummaryAndAnId() {
        eachOperation((name, operation) -> {
            assertThat(operation.path("summary").asString("")).as(name).isNotBlank();
            assertThat(operation.path("operationId").asString("")).as(name).isNotBlank();
        });
    }

    @Test
    void theServerIsWhereverTheDocumentIsServed() {
        assertThat(document.path("servers").findValuesAsString("url")).containsExactly("/");
    }

    @Test
    void theBearerSchemeIsDeclaredAndOnlyThePublicOperationsGoWithout() {
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString("")).isEqualTo("http");
        assertThat(bearer.path("scheme").asString("")).isEqualTo("bearer");
        assertThat(document.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        List<String> withoutToken = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (operation.has("security")) {
                assertThat(operation.path("security").isEmpty()).as(name).isTrue();
                withoutToken.add(operation.path("operationId").asString());
            }
        });
        assertThat(withoutToken).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @Test
    void everyOperationDescribesItsProblemsAsProblemJson() {
        assertThat(document.path("components").path("schemas").path("ProblemDetail").path("properties").has("detail"))
            .isTrue();
        eachOperation((name, operation) -> {
            JsonNode responses = operation.path("responses");
            List<String> errors = responses.propertyNames().stream().filter(status -> status.charAt(0) >= '4').toList();
            boolean open = PUBLIC.contains(operation.path("operationId").asString());
            if (!open) {
                assertThat(errors).as(name).contains("401");
            }
            if (!open || operation.has("requestBody") || operation.has("parameters")) {
                assertThat(errors).as(name).anyMatch(status -> status.startsWith("4"));
            }
            if (operation.has("requestBody")) {
                assertThat(errors).as(name).contains("400", "413", "415");
            }
            for (String status : errors) {
                JsonNode content = responses.path(status).path("content");
                assertThat(content.propertyNames()).as(name + " " + status).containsExactly("application/problem+json");
                assertThat(content.path("application/problem+json").path("schema").path("$ref").asString(""))
                    .as(name + " " + status)
                    .isEqualTo("#/components/schemas/ProblemDetail");
            }
        });
    }

    @Test
    void theTurnsStreamAsServerSentEventsOrAnswerInJson() {
        JsonNode start = document.path("paths").path("/api/v1/chats").path("post").path("responses");
        JsonNode reply = document.path("paths").path("/api/v1/chats/{chatId}/messages").path("post").path("responses");

        assertThat(start.path("201").path("content").has("application/json")).isTrue();
        assertThat(start.path("200").path("content").has("text/event-stream")).isTrue();
        assertThat(reply.path("200").path("content").has("application/json")).isTrue();
        assertThat(reply.path("200").path("content").has("text/event-stream")).isTrue();
    }

    @Test
    void redoclysRecommendedRulesFindNothing() throws Exception {
        assumeTrue(JavaScriptTest.NODE.isPresent() && Files.isRegularFile(REDOCLY), "OpenAPI lint skipped: "
                + (JavaScriptTest.NODE.isPresent() ? "Redocly is not installed, run npm ci" : "no node on the PATH"));
        JavaScriptTest.assertSucceeds(List.of(JavaScriptTest.NODE.get().toString(), REDOCLY.toString(), "lint",
                "--config=redocly.yaml", DOCUMENT.toString()));
    }

    private void eachOperation(BiConsumer<String, JsonNode> check) {
        document.path("paths")
            .properties()
            .forEach(path -> path.getValue()
                .properties()
                .forEach(method -> check.accept(method.getKey().toUpperCase() + " " + path.getKey(),
                        method.getValue())));
    }

}
