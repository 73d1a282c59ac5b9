package dev.docent.assistant.web;

import dev.docent.llm.LanguageModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the assistant can do here, so a client offers only what works: without a model
 * (DOCENT_LLM_PROVIDER=extractive) documentation answers are quoted and GENERAL chats get
 * a fixed reply. Which model it is stays with the ADMIN's health details.
 */
@Tag(name = "Turns")
@RestController
class AssistantController {

    record Capabilities(boolean modelConfigured) {
    }

    private final LanguageModel model;

    AssistantController(LanguageModel model) {
        this.model = model;
    }

    @Operation(operationId = "getAssistant", summary = "Whether a language model is configured")
    @GetMapping("/api/v1/assistant")
    Capabilities capabilities() {
        return new Capabilities(model.available());
    }

}
