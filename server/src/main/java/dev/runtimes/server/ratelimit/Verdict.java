package dev.runtimes.server.ratelimit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rate limiter's answer to one request: the quotas that apply, where each stands, and the one
 * that refused the request, if any.
 *
 * @param refusedBy the quota that refused the request, or {@code null} when it may go on
 * @param retryAfterSeconds for a refusal, seconds until the refusing quota has a request again
 */
public record Verdict(List<Usage> usages, Quota refusedBy, long retryAfterSeconds) {
    public boolean refused() {
        return refusedBy != null;
    }

    /** The value of {@code RateLimit-Policy}. */
    public String policyHeader() {
        return usages.stream().map(usage -> usage.quota().policyItem()).collect(Collectors.joining(", "));
    }

    /** The value of {@code RateLimit}. */
    public String limitHeader() {
        return usages.stream().map(Usage::limitItem).collect(Collectors.joining(", "));
    }

    /** The refusal's detail, e.g. "Rate limit of 100 requests per 10 seconds reached ...". */
    public String refusalDetail() {
        return "Rate limit of " + refusedBy.limit() + " " + refusedBy.what() + " per "
                + seconds(refusedBy.window().toSeconds()) + " reached for this API key; retry in "
                + seconds(retryAfterSeconds) + ".";
    }

    private static String seconds(long seconds) {
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
