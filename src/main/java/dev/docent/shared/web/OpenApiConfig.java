package dev.docent.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /v3/api-docs} says for every operation, so that the
 * controllers only carry their summaries and their own responses: the bearer scheme
 * (operations without a token say so with an empty security list), and the RFC 9457
 * problem responses the {@code ProblemHandler} and the security filters write.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer";
    static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer docentOpenApi() {
        return openApi -> {
            openApi.info(new Info().title("Docent API")
                .version("v1")
                .description("Chats that answer from your documentation, with citations. Errors are RFC 9457 "
                        + PROBLEM_JSON + "; a turn streams as text/event-stream when asked to."));
            // relative: the document is right wherever it is served, and never names
            // localhost
            openApi.servers(List.of(new Server().url("/").description("The server that serves this document")));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components
                .addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("The access token from POST /api/v1/auth/login"))
                .addSchemas(PROBLEM, problemSchema()));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describeProblems(path, operation)));
        };
    }

    /**
     * The 4xx every operation of its kind can answer, then problem+json for each error
     * response.
     */
    private static void describeProblems(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        addIfAbsent(responses, hasInput, "400", "Invalid request: the problem's errors name each field");
        addIfAbsent(responses, secured, "401", "No valid bearer access token");
        addIfAbsent(responses, path.contains("{"), "404", "Not found, or not yours");
        addIfAbsent(responses, operation.getRequestBody() != null, "413", "Request body too large");
        addIfAbsent(responses, operation.getRequestBody() != null, "415", "Unsupported request content type");
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    private static void addIfAbsent(ApiResponses responses, boolean applies, String status, String description) {
        if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema().addProperty("field", new StringSchema())
            .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
            .addProperty("type", new StringSchema().format("uri").example("https://docent.dev/problems/validation"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema().format("uri-reference"))
            .addProperty("errors",
                    new ArraySchema().items(fieldProblem)
                        .description("For invalid requests: each field and what is wrong with it"))
            .addProperty("retryAfterSeconds",
                    new IntegerSchema().description("When rate-limited: also sent as Retry-After"))
            .required(List.of("type", "title", "status"));
    }

}
