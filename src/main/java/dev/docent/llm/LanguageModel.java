package dev.docent.llm;

import java.util.List;

/** The chat-model port. One bean of this type always exists. */
public interface LanguageModel {

    /**
     * False when no model is configured (provider "extractive"): callers must not call
     * complete/stream.
     */
    boolean available();

    /**
     * e.g. "openai:gpt-4o-mini @ http://host/v1" or "none" — for health and logs, never
     * the API key.
     */
    String description();

    /**
     * Blocking, non-streaming completion (OpenAI: POST {base}/chat/completions without
     * stream; Ollama: POST /api/chat with stream=false). The whole exchange must finish
     * within the configured timeout.
     * @throws ModelFailure TIMEOUT, UPSTREAM (HTTP error status, connection refused) or
     * NOT_CONFIGURED
     */
    String complete(List<ModelMessage> messages);

    /**
     * Starts a streaming completion and returns at once.
     * @throws ModelFailure NOT_CONFIGURED, or UPSTREAM when the request cannot even be
     * started
     */
    ModelStream stream(List<ModelMessage> messages);

}
