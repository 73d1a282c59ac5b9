package dev.docent.llm;

import dev.docent.llm.http.ModelHttp;
import dev.docent.llm.http.UpstreamFailures;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A language model behind an HTTP endpoint, reached through LangChain4j's chat models for
 * its protocol. A streaming model is built for each stream (cheap: no threads, no
 * connections) so that its HTTP client is tied to that stream.
 */
final class RemoteLanguageModel implements LanguageModel, AutoCloseable {

    private final LlmSettings settings;

    private final ModelHttp http;

    private final ChatModel blockingModel;

    private final Function<HttpClientBuilder, StreamingChatModel> streamingModels;

    private final Predicate<ChatResponse> completeAnswer;

    private final UpstreamFailures failures;

    /**
     * {@code completeAnswer} says whether a stream LangChain4j calls complete really is
     * ({@link LanguageModels}).
     */
    RemoteLanguageModel(LlmSettings settings, Function<HttpClientBuilder, ChatModel> blockingModel,
            Function<HttpClientBuilder, StreamingChatModel> streamingModels, Predicate<ChatResponse> completeAnswer) {
        this.settings = settings;
        this.completeAnswer = completeAnswer;
        this.http = new ModelHttp(settings.timeout());
        this.blockingModel = blockingModel.apply(http.blocking());
        this.streamingModels = streamingModels;
        this.failures = new UpstreamFailures(settings);
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public String complete(List<ModelMessage> messages) {
        ChatRequest request = toRequest(messages);
        try {
            return Objects.requireNonNullElse(blockingModel.chat(request).aiMessage().text(), "");
        }
        catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    @Override
    public ModelStream stream(List<ModelMessage> messages) {
        ChatRequest request = toRequest(messages);
        CallbackModelStream stream = new CallbackModelStream(failures, settings.timeout(), completeAnswer);
        try {
            streamingModels.apply(http.streaming(stream)).chat(request, stream.handler());
        }
        catch (RuntimeException e) {
            stream.close();
            throw failures.translate(e);
        }
        return stream;
    }

    /** Aborts the exchanges still running and ends the client's threads. */
    @Override
    public void close() {
        http.close();
    }

    private static ChatRequest toRequest(List<ModelMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a completion needs at least one message");
        }
        return ChatRequest.builder().messages(messages.stream().map(RemoteLanguageModel::toLangChain).toList()).build();
    }

    private static ChatMessage toLangChain(ModelMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
        };
    }

}
