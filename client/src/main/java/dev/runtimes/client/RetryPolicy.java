package dev.runtimes.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the client sends a request again. Only requests that are safe to repeat are retried: every
 * {@code GET}, and a mutation that carries an {@code Idempotency-Key}. They are retried after a
 * rate limit (429 {@code rate_limit_error}), an upstream failure (502, 504) or a connection
 * failure, with exponential backoff and jitter, never sooner than the server's {@code
 * Retry-After}, until either {@link Builder#maxAttempts} requests were sent or the next wait would
 * end after {@link Builder#maxElapsed} from the first try. Then the last failure is thrown.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxElapsed;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialDelay = builder.initialDelay;
        this.maxDelay = builder.maxDelay;
        this.maxElapsed = builder.maxElapsed;
    }

    /**
     * @return up to 4 attempts, waits from 0.5 s doubling up to 8 s, at most 30 s in all; what a
     *     client built without {@link RuntimesClient.Builder#retryPolicy} uses
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that sends every request once */
    public static RetryPolicy none() {
        return NONE;
    }

    /** @return a builder that starts from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long to wait before sending a request again, or empty to give up.
     *
     * @param attemptsMade requests sent so far, at least 1
     * @param failure what the last one ended with
     * @param spent time spent on the request so far, waits included
     */
    Optional<Duration> delayBeforeRetry(int attemptsMade, RuntimesException failure, Duration spent) {
        if (!failure.transientFailure() || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = backoff(attemptsMade);
        if (failure instanceof RateLimitException rateLimited
                && rateLimited.retryAfter().isPresent()
                && rateLimited.retryAfter().get().compareTo(delay) > 0) {
            delay = rateLimited.retryAfter().get();
        }
        return spent.plus(delay).compareTo(maxElapsed) > 0 ? Optional.empty() : Optional.of(delay);
    }

    /** "Equal jitter": between half and all of the exponential delay, so clients spread out. */
    private Duration backoff(int retry) {
        long exponential = initialDelay.toMillis();
        for (int i = 1; i < retry && exponential < maxDelay.toMillis(); i++) {
            exponential *= 2;
        }
        exponential = Math.min(exponential, maxDelay.toMillis());
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(exponential - half + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", maxElapsed=" + maxElapsed + "]";
    }

    /** Builds a {@link RetryPolicy}; starts from the {@linkplain #defaults() defaults}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(8);
        private Duration maxElapsed = Duration.ofSeconds(30);

        private Builder() {}

        /**
         * @param maxAttempts the most requests sent for one call, the first included; 1 turns
         *     retries off
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param initialDelay the wait before the first retry, doubled for each next one (then
         *     jittered down by up to half)
         * @return this builder
         */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = positive(initialDelay, "initialDelay");
            return this;
        }

        /**
         * @param maxDelay the longest backoff between two attempts; a longer {@code Retry-After}
         *     is still honoured
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive(maxDelay, "maxDelay");
            return this;
        }

        /**
         * @param maxElapsed the most time one call may take with its retries: no wait is started
         *     that would end later
         * @return this builder
         */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = positive(maxElapsed, "maxElapsed");
            return this;
        }

        /** @return the policy */
        public RetryPolicy build() {
            if (initialDelay.compareTo(maxDelay) > 0) {
                throw new IllegalArgumentException("initialDelay must not exceed maxDelay");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
