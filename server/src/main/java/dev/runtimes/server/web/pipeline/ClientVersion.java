package dev.runtimes.server.web.pipeline;

import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.conformance.Request;
import java.util.Comparator;
import java.util.Optional;

/**
 * A client library version as {@code X-Runtimes-Client-Version} carries it. Versions compare by
 * their three numbers; a suffix after them ({@code -SNAPSHOT}, {@code +build.5}) is ignored, so a
 * development build counts as the release it leads to.
 */
record ClientVersion(long major, long minor, long patch) implements Comparable<ClientVersion> {
    /** The header as the spec bounds it (parameter {@code ClientVersion}): three numbers, then any suffix. */
    private static final Request.Parameter HEADER = Operation.header(ClientVersionFilter.HEADER);

    private static final Comparator<ClientVersion> ORDER = Comparator.comparingLong(ClientVersion::major)
            .thenComparingLong(ClientVersion::minor)
            .thenComparingLong(ClientVersion::patch);

    /** The version, or empty when the text is not one. */
    static Optional<ClientVersion> parse(String text) {
        if (!HEADER.admits(text)) {
            return Optional.empty();
        }
        String[] numbers = text.split("[-+]", 2)[0].split("\\.");
        return Optional.of(
                new ClientVersion(Long.parseLong(numbers[0]), Long.parseLong(numbers[1]), Long.parseLong(numbers[2])));
    }

    @Override
    public int compareTo(ClientVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
