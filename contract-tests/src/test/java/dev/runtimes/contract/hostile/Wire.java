package dev.runtimes.contract.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a hostile request byte for byte with the JDK's HTTP/1.1 client: no library between the
 * generator and the server fixes up a value on the way.
 */
final class Wire {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String baseUrl;

    Wire(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    HttpResponse<String> send(HostileRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.target()))
                .timeout(TIMEOUT)
                .method(
                        request.operation().method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        HttpRequest built = builder.build();
        try {
            try {
                return client.send(built, Wire::body);
            } catch (IOException closedUnderUs) {
                // A pooled connection the server closed after its previous answer: once more on a
                // fresh one. A second failure is the server's.
                return client.send(built, Wire::body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer's body as text; an event stream (a {@code streamEvents} the server accepted) does
     * not end, so only its status and headers are judged and the connection is closed.
     */
    private static HttpResponse.BodySubscriber<String> body(HttpResponse.ResponseInfo answer) {
        if (answer.headers()
                .firstValue("Content-Type")
                .filter(type -> type.startsWith("text/event-stream"))
                .isPresent()) {
            return new HttpResponse.BodySubscriber<>() {
                @Override
                public java.util.concurrent.CompletionStage<String> getBody() {
                    return java.util.concurrent.CompletableFuture.completedFuture("");
                }

                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                    subscription.cancel();
                }

                @Override
                public void onNext(java.util.List<java.nio.ByteBuffer> item) {}

                @Override
                public void onError(Throwable throwable) {}

                @Override
                public void onComplete() {}
            };
        }
        return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }
}
