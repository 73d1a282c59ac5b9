package dev.docent.knowledge.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Fetches one published page with the JDK's HttpClient, on platform threads (decision
 * 0007). Redirects are followed here, not by the client, so that every hop is checked:
 * its address by the {@link AddressGuard}, its URL against the crawl's scope. A page is
 * read up to a size limit and within a time limit; a conditional GET (ETag,
 * Last-Modified) lets the server answer that the page did not change.
 */
final class PageFetcher implements AutoCloseable {

    static final String USER_AGENT = "Docent (documentation assistant; +https://docent.dev)";

    /** What fetching a page gave. */
    sealed interface Result {

    }

    /** The page's content, from the URL the redirects ended at. */
    record Page(URI url, String contentType, byte[] body, String etag, String lastModified) implements Result {
    }

    /** The server says the page did not change since the validators sent. */
    record NotModified() implements Result {
    }

    /** The page is gone (404, 410). */
    record Missing(int status) implements Result {
    }

    /** The page could not be fetched now; the reason reads after the URL. */
    record Failed(String reason) implements Result {
    }

    /** The validators of the copy held, for a conditional GET; both may be null. */
    record Validators(String etag, String lastModified) {

        static final Validators NONE = new Validators(null, null);

    }

    private final AddressGuard guard;

    private final Duration timeout;

    private final long maxBytes;

    private final int maxRedirects;

    private final ExecutorService executor = Executors
        .newCachedThreadPool(Thread.ofPlatform().name("crawl-http-", 0).daemon().factory());

    private final ScheduledExecutorService watchdog = Executors
        .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("crawl-watchdog").daemon().factory());

    private final HttpClient client;

    PageFetcher(AddressGuard guard, Duration timeout, long maxBytes, int maxRedirects) {
        this.guard = guard;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.client = HttpClient.newBuilder()
            .executor(executor)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
    }

    /**
     * @param inScope where a redirect may lead
     */
    Result fetch(URI url, Validators validators, Predicate<URI> inScope) {
        URI current = url;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int hop = 0;; hop++) {
            try {
                guard.check(current);
            }
            catch (AddressGuard.Refused refused) {
                return new Failed(hop == 0 ? "refused: " + refused.getMessage()
                        : "redirected to a refused address: " + refused.getMessage());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                .timeout(remaining(deadline))
                .header("User-Agent", USER_AGENT)
                .header("Accept",
                        "text/html,application/xhtml+xml,text/markdown,text/plain,application/pdf;q=0.9,*/*;q=0.1")
                .GET();
            if (validators.etag() != null) {
                request.header("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                request.header("If-Modified-Since", validators.lastModified());
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            }
            catch (HttpTimeoutException e) {
                return new Failed("no answer within " + timeout.toSeconds() + " s");
            }
            catch (IOException e) {
                return new Failed("cannot be fetched (" + e.getMessage() + ")");
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed("interrupted");
            }
            catch (IllegalArgumentException e) {
                return new Failed("not a URL that can be fetched");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                discard(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return new Failed("redirect without a Location");
                }
                if (hop >= maxRedirects) {
                    return new Failed("more than " + maxRedirects + " redirects");
                }
                URI next;
                try {
                    next = current.resolve(location.get().strip()).normalize();
                }
                catch (IllegalArgumentException e) {
                    return new Failed("redirect to a bad Location");
                }
                if (!inScope.test(next)) {
                    return new Failed("redirected out of the site's prefix, to " + next);
                }
                current = next;
                continue;
            }
            if (status == 304) {
                discard(response);
                return new NotModified();
            }
            if (status == 404 || status == 410) {
                discard(response);
                return new Missing(status);
            }
            if (status != 200) {
                discard(response);
                return new Failed("HTTP " + status);
            }
            return read(current, response, deadline);
        }
    }

    private Result read(URI url, HttpResponse<InputStream> response, long deadline) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            discard(response);
            return new Failed("larger than " + maxBytes + " bytes");
        }
        InputStream body = response.body();
        ScheduledFuture<?> stop = watchdog.schedule(() -> closeQuietly(body), Math.max(1, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        try (body) {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                return new Failed("larger than " + maxBytes + " bytes");
            }
            if (System.nanoTime() > deadline) {
                return new Failed("took longer than " + timeout.toSeconds() + " s");
            }
            return new Page(url, response.headers().firstValue("Content-Type").orElse(""), content,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        catch (IOException e) {
            return new Failed(System.nanoTime() >= deadline ? "took longer than " + timeout.toSeconds() + " s"
                    : "cut off (" + e.getMessage() + ")");
        }
        finally {
            stop.cancel(false);
        }
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static void discard(HttpResponse<InputStream> response) {
        closeQuietly(response.body());
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        }
        catch (IOException e) {
            // nothing more to read from it either way
        }
    }

    @Override
    public void close() {
        client.close();
        executor.shutdownNow();
        watchdog.shutdownNow();
    }

}
