package dev.runtimes.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.runtimes.client.invoker.ApiException;
import dev.runtimes.client.invoker.ApiResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one operation of the generated API under the retry policy and turns its failures into
 * {@link RuntimesException}s. A facade method says whether its operation is safe to repeat by
 * calling {@link #read} (a {@code GET}) or {@link #write} (a mutation, with or without an
 * idempotency key); nothing else decides about retries.
 */
final class Transport {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** One call of a generated {@code ...WithHttpInfo} method, with extra request headers. */
    @FunctionalInterface
    interface Call<T> {
        ApiResponse<T> send(Map<String, String> headers) throws ApiException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final ErrorDecoder errors;

    Transport(RetryPolicy policy, Sleeper sleeper, ErrorDecoder errors) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.errors = errors;
    }

    /** A {@code GET}: safe to repeat, so retried by the policy. */
    <T> T read(Call<T> call) {
        return send(call, Map.of(), true);
    }

    /**
     * A mutation. With an idempotency key the server runs it at most once, so it is sent with the
     * key and retried; without one it is sent exactly once.
     */
    <T> T write(String idempotencyKey, Call<T> call) {
        return idempotencyKey == null
                ? send(call, Map.of(), false)
                : send(call, Map.of(IDEMPOTENCY_KEY, idempotencyKey), true);
    }

    private <T> T send(Call<T> call, Map<String, String> headers, boolean repeatable) {
        Duration spent = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            RuntimesException failure;
            try {
                return call.send(headers).getData();
            } catch (ApiException e) {
                failure = translate(e);
            }
            spent = spent.plusNanos(System.nanoTime() - started);
            Optional<Duration> delay = repeatable ? policy.delayBeforeRetry(attempt, failure, spent) : Optional.empty();
            if (delay.isEmpty()) {
                throw failure;
            }
            pause(delay.get(), failure);
            spent = spent.plus(delay.get());
        }
    }

    private RuntimesException translate(ApiException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InterruptedException) {
            return new RuntimesException("Interrupted while waiting for the answer", cause);
        }
        // Jackson's exceptions are IOExceptions too: an unreadable answer is no connection failure.
        if (cause instanceof JsonProcessingException) {
            return new RuntimesException("The answer could not be decoded: " + cause.getMessage(), cause);
        }
        if (cause != null) {
            return new RuntimesConnectionException("No answer from the server: " + cause, cause);
        }
        return errors.decode(e.getCode(), e.getResponseHeaders(), e.getResponseBody());
    }

    private void pause(Duration delay, RuntimesException failure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RuntimesException interrupted = new RuntimesException("Interrupted while waiting to retry", e);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }
}
