package dev.runtimes.client;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 with any type but {@code insufficient_credits_error}: too many requests. Retried by the
 * {@link RetryPolicy}, no sooner than the server's {@code Retry-After}; thrown when the policy
 * gives up.
 */
public class RateLimitException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    RateLimitException(ApiError error, Duration retryAfter) {
        super(error);
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait ({@code Retry-After}), when it said */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    boolean transientFailure() {
        return true;
    }
}
