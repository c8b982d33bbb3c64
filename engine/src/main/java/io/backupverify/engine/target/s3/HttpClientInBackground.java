package io.backupverify.engine.target.s3;

import io.backupverify.engine.target.StoreClock;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP client, built on a thread of its own while the target works out its direct requests' URLs, and under the
 * SDK's client when that is built ({@link LazyClient}) around this stand-in: loading and setting up the Apache client
 * and its connection pool costs about a twentieth of a CPU second at start-up (its TLS is set up later, on the first
 * HTTPS connection: {@link DeferredTls}).
 * {@link #await} gives the real client, or the failure to build it; until then nothing is sent. Once the client is
 * built, the same thread runs the target's warm-up, which nobody waits for.
 */
final class HttpClientInBackground implements SdkHttpClient {
    private final CompletableFuture<SdkHttpClient> built = new CompletableFuture<>();
    private final StoreClock storeClock = new StoreClock();

    HttpClientInBackground(Supplier<SdkHttpClient> build, Runnable warmUp) {
        Thread thread = new Thread(() -> {
            try {
                built.complete(build.get());
            } catch (RuntimeException | Error e) {
                built.completeExceptionally(e);
                return;
            }
            warmUp.run();
        }, "s3-http-client-setup");
        thread.setDaemon(true);
        thread.start();
    }

    /** The client once built; a failure to build it is thrown as the SDK's client exception. */
    SdkHttpClient await() {
        try {
            return built.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof SdkClientException client) {
                throw client;
            }
            throw SdkClientException.create("cannot set up the HTTP client: " + cause, cause);
        }
    }

    /**
     * Prepares a request; its answer's {@code Date} header, whatever its status, goes to {@link #storeClock}: the
     * SDK's requests and the direct ones all come through here.
     */
    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = await().prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = prepared.call();
                storeClock.seen(response.httpResponse().firstMatchingHeader("Date"));
                return response;
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    /** The store's time, from the answers to the requests sent through this client. */
    StoreClock storeClock() {
        return storeClock;
    }

    /** The name the SDK puts in its user agent, known without waiting: this stands in for the Apache client. */
    @Override
    public String clientName() {
        return "Apache";
    }

    /** Closes the client when it is built (at once if it is). */
    @Override
    public void close() {
        built.thenAccept(SdkHttpClient::close);
    }
}
