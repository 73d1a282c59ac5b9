package dev.docent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.sun.net.httpserver.HttpServer;
import dev.docent.llm.ModelFailure.Kind;
import dev.docent.llm.ModelStream.Done;
import dev.docent.llm.ModelStream.Event;
import dev.docent.llm.ModelStream.Pending;
import dev.docent.llm.ModelStream.Token;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * What every remote {@link LanguageModel} adapter must do, proved against a local server
 * speaking the adapter's wire protocol over real HTTP. A subclass supplies the protocol.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class LanguageModelContract {

    static final String MODEL = "test-model";
    static final String API_KEY = "sk-test-0123456789";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    static final List<ModelMessage> CONVERSATION = List.of(ModelMessage.system("Answer from the docs."),
            ModelMessage.user("What is a list?"), ModelMessage.assistant("A mutable sequence."),
            ModelMessage.user("And a tuple?"));
    static final String CONVERSATION_JSON = """
            [{"role":"system","content":"Answer from the docs."},
             {"role":"user","content":"What is a list?"},
             {"role":"assistant","content":"A mutable sequence."},
             {"role":"user","content":"And a tuple?"}]""";

    final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort());

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The adapter's provider name. */
    abstract String provider();

    /** The base URL's path on the upstream server, e.g. {@code /v1}. */
    abstract String basePath();

    /** Where both kinds of completion are posted. */
    abstract String chatPath();

    /** A non-streaming answer carrying {@code text}. */
    abstract String completion(String text);

    abstract String streamContentType();

    /** One streamed message carrying {@code token}. */
    abstract String streamedToken(String token);

    /** A streamed message that carries no text, as sent before the first token. */
    abstract String streamedNothing();

    /** One streamed piece of a reasoning model's thinking. */
    abstract String streamedThinking(String thought);

    /** What ends a stream. */
    abstract String streamEnd();

    /**
     * The request the adapter must have sent, beyond the model name and the conversation.
     */
    abstract RequestPatternBuilder expectedRequest(boolean streaming);

    /**
     * Starts the upstream and warms up LangChain4j, Jackson and both HTTP stacks,
     * patiently (a cold start on a busy machine can take seconds), so that no timing
     * below pays for it.
     */
    @BeforeAll
    void startUpstream() throws Exception {
        upstream.start();
        Duration patience = Duration.ofMinutes(1);
        upstream.stubFor(post(chatPath()).willReturn(stream(List.of("warm"))));
        tokensUntilDone(open(model(patience).stream(CONVERSATION)), patience);
        upstream.stubFor(post(chatPath()).willReturn(okJson(completion("warm"))));
        model(patience).complete(CONVERSATION);
        closeEverythingOpened();
    }

    @AfterAll
    void stopUpstream() {
        upstream.stop();
    }

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @AfterEach
    void closeEverythingOpened() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        opened.clear();
    }

    @Test
    void completionReturnsTheAnswerAndSendsTheConversation() {
        upstream.stubFor(post(chatPath()).willReturn(okJson(completion("An immutable sequence."))));

        String answer = model(TIMEOUT).complete(CONVERSATION);

        assertThat(answer).isEqualTo("An immutable sequence.");
        upstream.verify(expectedRequest(false).withRequestBody(sentConversation()));
    }

    @Test
    void streamDeliversTheTokensInOrderThenDone() throws Exception {
        upstream.stubFor(post(chatPath()).willReturn(stream(List.of("Grü", "ße, ", "tuple"))));

        ModelStream stream = open(model(TIMEOUT).stream(CONVERSATION));

        assertThat(tokensUntilDone(stream)).containsExactly("Grü", "ße, ", "tuple");
        assertThat(stream.poll(Duration.ZERO)).isInstanceOf(Done.class);
        upstream.verify(expectedRequest(true).withRequestBody(sentConversation()));
    }

    @Test
    void anUpstreamErrorFailsACompletionNamingTheStatusButNotTheKey() {
        upstream.stubFor(post(chatPath()).willReturn(serverError()));

        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> model(TIMEOUT).complete(CONVERSATION));

        assertUpstreamError(failure);
    }

    @Test
    void anUpstreamErrorFailsAStreamNamingTheStatusButNotTheKey() {
        upstream.stubFor(post(chatPath()).willReturn(serverError()));

        ModelStream stream = open(model(TIMEOUT).stream(CONVERSATION));

        assertUpstreamError(catchThrowableOfType(ModelFailure.class, () -> tokensUntilDone(stream)));
    }

    /**
     * OpenAI: no chunk with a finish_reason (LangChain4j alone would call it complete);
     * Ollama: no "done" line.
     */
    @Test
    void aStreamCutOffBeforeItsLastMessageFails() {
        upstream.stubFor(post(chatPath()).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", streamContentType())
            .withBody(streamedToken("partial"))));

        ModelStream stream = open(model(TIMEOUT).stream(CONVERSATION));

        assertThatThrownBy(() -> tokensUntilDone(stream)).isInstanceOfSatisfying(ModelFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(Kind.UPSTREAM);
            assertThat(f.getMessage()).contains("ended the stream before the answer was complete");
        });
    }

    @Test
    void anUnreachableUpstreamFailsBothKinds() throws IOException {
        LanguageModel unreachable = modelAt(closedPortUrl() + basePath(), TIMEOUT);

        assertThatThrownBy(() -> unreachable.complete(CONVERSATION)).isInstanceOfSatisfying(ModelFailure.class,
                f -> assertThat(f.kind()).isEqualTo(Kind.UPSTREAM));
        ModelStream stream = open(unreachable.stream(CONVERSATION));
        assertThatThrownBy(() -> tokensUntilDone(stream)).isInstanceOfSatisfying(ModelFailure.class,
                f -> assertThat(f.kind()).isEqualTo(Kind.UPSTREAM));
    }

    @Test
    void aCompletionSlowerThanTheTimeoutTimesOut() {
        upstream.stubFor(post(chatPath()).willReturn(okJson(completion("late")).withFixedDelay(1_500)));

        assertThatThrownBy(() -> model(SHORT_TIMEOUT).complete(CONVERSATION)).isInstanceOfSatisfying(ModelFailure.class,
                f -> assertThat(f.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void aStreamWaitingForTheUpstreamIsPendingThenTimesOut() throws Exception {
        upstream.stubFor(post(chatPath()).willReturn(stream(List.of("late")).withFixedDelay(1_500)));

        ModelStream stream = open(model(SHORT_TIMEOUT).stream(CONVERSATION));

        assertThat(stream.poll(Duration.ofMillis(50))).isInstanceOf(Pending.class);
        assertThatThrownBy(() -> tokensUntilDone(stream)).isInstanceOfSatisfying(ModelFailure.class,
                f -> assertThat(f.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void aStreamThatFallsSilentAfterItsFirstTokenTimesOut() throws Exception {
        String baseUrl = slowUpstream(body -> {
            send(body, streamedToken("first"));
            Thread.sleep(1_500);
            send(body, streamedToken("second") + streamEnd());
        });

        ModelStream stream = open(modelAt(baseUrl, SHORT_TIMEOUT).stream(CONVERSATION));

        assertThat(stream.poll(Duration.ofSeconds(1))).isEqualTo(new Token("first"));
        assertThatThrownBy(() -> tokensUntilDone(stream)).isInstanceOfSatisfying(ModelFailure.class,
                f -> assertThat(f.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void aModelThinkingBeforeItAnswersIsNotSilent() throws Exception {
        String baseUrl = slowUpstream(body -> {
            for (int i = 0; i < 5; i++) {
                send(body, streamedThinking("step " + i + ". "));
                Thread.sleep(150);
            }
            send(body, streamedToken("answer") + streamEnd());
        });

        ModelStream stream = open(modelAt(baseUrl, SHORT_TIMEOUT).stream(CONVERSATION));

        assertThat(tokensUntilDone(stream)).containsExactly("answer");
    }

    @Test
    void closingAStreamMidwayStopsDelivery() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add("t" + i + " ");
        }
        upstream.stubFor(post(chatPath()).willReturn(stream(tokens).withChunkedDribbleDelay(20, 2_000)));
        ModelStream stream = open(model(TIMEOUT).stream(CONVERSATION));
        assertThat(stream.poll(Duration.ofSeconds(1))).isInstanceOf(Token.class);

        stream.close();
        stream.close();

        assertThat(stream.poll(Duration.ofMillis(300))).isInstanceOf(Done.class);
        assertThat(stream.poll(Duration.ZERO)).isInstanceOf(Done.class);
    }

    @Test
    void closingAStreamBeforeItsFirstTokenDropsTheConnection() throws Exception {
        CountDownLatch clientGone = new CountDownLatch(1);
        String baseUrl = slowUpstream(body -> {
            try {
                for (int i = 0; i < 500; i++) {
                    send(body, streamedNothing());
                    Thread.sleep(20);
                }
            }
            catch (IOException e) {
                clientGone.countDown();
            }
        });
        ModelStream stream = open(modelAt(baseUrl, TIMEOUT).stream(CONVERSATION));
        assertThat(stream.poll(Duration.ofMillis(200))).isInstanceOf(Pending.class);

        stream.close();

        assertThat(clientGone.await(2, TimeUnit.SECONDS)).as("the server saw the client go").isTrue();
    }

    @Test
    void closingTheModelEndsItsThreads() throws Exception {
        Set<String> before = httpClientThreads();
        upstream.stubFor(post(chatPath()).willReturn(stream(List.of("one"))));
        LanguageModel model = new LanguageModels().languageModel(settings(upstream.baseUrl() + basePath(), TIMEOUT));
        tokensUntilDone(open(model.stream(CONVERSATION)));

        ((AutoCloseable) model).close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!before.containsAll(httpClientThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(httpClientThreads()).isSubsetOf(before);
    }

    LanguageModel model(Duration timeout) {
        return modelAt(upstream.baseUrl() + basePath(), timeout);
    }

    LanguageModel modelAt(String baseUrl, Duration timeout) {
        return open(new LanguageModels().languageModel(settings(baseUrl, timeout)));
    }

    LlmSettings settings(String baseUrl, Duration timeout) {
        return new LlmSettings(provider(), baseUrl, API_KEY, MODEL, timeout);
    }

    <T> T open(T closeable) {
        opened.add((AutoCloseable) closeable);
        return closeable;
    }

    ResponseDefinitionBuilder stream(List<String> tokens) {
        String body = tokens.stream().map(this::streamedToken).collect(Collectors.joining()) + streamEnd();
        return aResponse().withStatus(200).withHeader("Content-Type", streamContentType()).withBody(body);
    }

    /**
     * A server that sends the response headers at once, then lets {@code body} write the
     * stream at its own pace.
     */
    String slowUpstream(BodyWriter body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(chatPath(), exchange -> {
            exchange.getResponseHeaders().add("Content-Type", streamContentType());
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                body.write(out);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        opened.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath();
    }

    interface BodyWriter {

        void write(OutputStream body) throws IOException, InterruptedException;

    }

    static List<String> tokensUntilDone(ModelStream stream) throws InterruptedException {
        return tokensUntilDone(stream, Duration.ofSeconds(15));
    }

    static List<String> tokensUntilDone(ModelStream stream, Duration patience) throws InterruptedException {
        List<String> tokens = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = stream.poll(Duration.ofMillis(100));
            if (event instanceof Token token) {
                tokens.add(token.text());
            }
            else if (event instanceof Done) {
                return tokens;
            }
        }
        throw new AssertionError("the stream did not end; tokens so far: " + tokens);
    }

    private static StringValuePattern sentConversation() {
        return equalToJson("{\"model\":\"" + MODEL + "\",\"messages\":" + CONVERSATION_JSON + "}", false, true);
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder serverError() {
        return aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"overloaded while serving key " + API_KEY + "\"}");
    }

    private static void assertUpstreamError(ModelFailure failure) {
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(Kind.UPSTREAM);
        assertThat(failure.getMessage()).contains("HTTP 500").contains("overloaded");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(API_KEY);
    }

    private static void send(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static Set<String> httpClientThreads() {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .map(Thread::getName)
            .filter(name -> name.startsWith("HttpClient-"))
            .collect(Collectors.toSet());
    }

}
