package dev.runtimes.server.ratelimit;

/**
 * Where one quota of a key stands after a request.
 *
 * @param remaining requests left in the bucket now
 * @param secondsToFull seconds until the bucket is full again, rounded up
 */
public record Usage(Quota quota, long remaining, long secondsToFull) {
    /** This quota as one item of {@code RateLimit}, e.g. {@code "requests";r=57;t=5}. */
    public String limitItem() {
        return "\"" + quota.name() + "\";r=" + remaining + ";t=" + secondsToFull;
    }
}
