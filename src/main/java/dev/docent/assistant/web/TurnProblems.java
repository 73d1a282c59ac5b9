package dev.docent.assistant.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The errors of a turn, for the OpenAPI document: the same for a new chat and a
 * follow-up, JSON or streamed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "409",
        description = "An answer is already running in the chat, or a request with this Idempotency-Key is")
@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
@ApiResponse(responseCode = "502", description = "The language model failed")
@ApiResponse(responseCode = "504", description = "The answer took too long")
@interface TurnProblems {

}
