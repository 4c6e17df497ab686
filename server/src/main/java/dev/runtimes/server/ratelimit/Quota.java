package dev.runtimes.server.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;

/**
 * One quota policy of an API key: a bucket of {@code limit} requests that refills continuously,
 * {@code limit} requests per {@code window}. A key that has been idle for a window has its whole
 * quota again.
 *
 * @param name the policy's name in the {@code RateLimit-Policy} and {@code RateLimit} headers
 * @param what what the quota counts, for people ({@code requests}, {@code starts and resets})
 */
public record Quota(String name, String what, long limit, Duration window) {
    public Quota {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "rate limit '" + name + "' needs a limit of at least 1 and a positive window");
        }
    }

    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build();
    }

    /** This policy as one item of {@code RateLimit-Policy}, e.g. {@code "requests";q=100;w=10}. */
    public String policyItem() {
        return "\"" + name + "\";q=" + limit + ";w=" + window.toSeconds();
    }

    /**
     * The tokens one request takes when {@code replicas} share this quota, so that each admits its
     * share. With more replicas than the limit, each still admits one request a window.
     */
    long cost(int replicas) {
        return Math.min(replicas, limit);
    }

    /** The tokens of a bucket that held {@code tokens} {@code elapsed} ago, refilled since. */
    long refilled(long tokens, Duration elapsed) {
        double refill = (double) limit * Math.max(0, elapsed.toNanos()) / window.toNanos();
        return (long) Math.min(limit, tokens + refill);
    }

    /** Nanoseconds until a bucket with {@code available} tokens is full again. */
    long nanosToFull(long available) {
        return (limit - Math.max(0, available)) * window.toNanos() / limit;
    }
}
