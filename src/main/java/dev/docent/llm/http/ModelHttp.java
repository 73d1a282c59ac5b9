package dev.docent.llm.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP client SPI on one {@code java.net.http} client that this module
 * owns. Its threads are platform threads (decision 0007) and it is shut down with the
 * adapter. Each streaming exchange stays reachable from its stream, which can abort it at
 * any moment — before the response headers, or while the upstream is still silent.
 * LangChain4j's own cancellation handle cannot: it is only handed out along with a token.
 */
public final class ModelHttp implements AutoCloseable {

    private static final int ERROR_BODY_LIMIT = 4096;

    private final ExecutorService threads = Executors
        .newCachedThreadPool(Thread.ofPlatform().name("model-http-", 1).daemon().factory());

    private final HttpClient http;

    private final Duration timeout;

    public ModelHttp(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
            .executor(threads)
            .connectTimeout(timeout)
            // model servers (Ollama, llama.cpp, vLLM) speak HTTP/1.1; the JDK's h2c
            // upgrade attempt only adds a way to fail
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    }

    /**
     * For a blocking model: the whole exchange, body included, must finish within the
     * timeout.
     */
    public HttpClientBuilder blocking() {
        return new PrebuiltClient(new BlockingClient());
    }

    /** For a streaming model serving one stream, which the link ties to its exchange. */
    public HttpClientBuilder streaming(UpstreamLink link) {
        return new PrebuiltClient(new StreamingClient(link));
    }

    /** Aborts the exchanges still running. */
    @Override
    public void close() {
        http.shutdownNow();
        threads.shutdownNow();
    }

    private final class BlockingClient implements dev.langchain4j.http.client.HttpClient {

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            // the JDK's request timeout stops at the response headers; waiting on the
            // future also bounds the body
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(toJdk(request),
                    BodyHandlers.ofByteArray());
            try {
                HttpResponse<byte[]> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                if (!isSuccess(response.statusCode())) {
                    throw new HttpException(response.statusCode(), new String(response.body(), UTF_8));
                }
                return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
            }
            catch (java.util.concurrent.TimeoutException e) {
                exchange.cancel(true);
                throw new TimeoutException(e);
            }
            catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                throw new LangChain4jException("interrupted while waiting for the model", e);
            }
            catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            }
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            throw new UnsupportedOperationException("a blocking model does not stream");
        }

    }

    private final class StreamingClient implements dev.langchain4j.http.client.HttpClient {

        private final UpstreamLink link;

        StreamingClient(UpstreamLink link) {
            this.link = link;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            throw new UnsupportedOperationException("a streaming model does not block");
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            CompletableFuture<HttpResponse<InputStream>> exchange = http.sendAsync(toJdk(request),
                    BodyHandlers.ofInputStream());
            link.abandoned().thenRun(() -> {
                exchange.cancel(true);
                // closing the body wakes a parser blocked in read and drops the
                // connection
                exchange.thenAccept(response -> closeQuietly(response.body()));
            });
            exchange.whenCompleteAsync((response, failure) -> {
                try {
                    receive(response, failure, parser, listener);
                }
                finally {
                    link.exchangeEnded();
                }
            }, threads);
        }

    }

    private static void receive(HttpResponse<InputStream> response, Throwable failure, ServerSentEventParser parser,
            ServerSentEventListener listener) {
        if (failure != null) {
            listener.onError(failure);
            return;
        }
        try (InputStream body = response.body()) {
            if (!isSuccess(response.statusCode())) {
                String excerpt = new String(body.readNBytes(ERROR_BODY_LIMIT), UTF_8);
                listener.onError(new HttpException(response.statusCode(), excerpt));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .build());
            parser.parse(body, listener);
            listener.onClose();
        }
        catch (IOException e) {
            listener.onError(e);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(timeout)
            .method(request.method().name(),
                    request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder.build();
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        }
        catch (IOException ignored) {
            // the exchange is being abandoned; nothing is left to tell
        }
    }

    /**
     * Hands LangChain4j a client built here; the timeouts it would set come from
     * {@link ModelHttp} instead.
     */
    private record PrebuiltClient(dev.langchain4j.http.client.HttpClient client) implements HttpClientBuilder {

        @Override
        public Duration connectTimeout() {
            return null;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration ignored) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return null;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration ignored) {
            return this;
        }

        @Override
        public dev.langchain4j.http.client.HttpClient build() {
            return client;
        }
    }

}
