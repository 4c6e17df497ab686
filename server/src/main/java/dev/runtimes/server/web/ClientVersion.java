package dev.runtimes.server.web;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client library version as {@code X-Runtimes-Client-Version} carries it. Versions compare by
 * their three numbers; a suffix after them ({@code -SNAPSHOT}, {@code +build.5}) is ignored, so a
 * development build counts as the release it leads to.
 */
record ClientVersion(long major, long minor, long patch) implements Comparable<ClientVersion> {
    /** The header's pattern in the spec (parameter {@code ClientVersion}). */
    private static final Pattern FORM =
            Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,9})([-+][0-9A-Za-z.+-]*)?");

    private static final Comparator<ClientVersion> ORDER = Comparator.comparingLong(ClientVersion::major)
            .thenComparingLong(ClientVersion::minor)
            .thenComparingLong(ClientVersion::patch);

    /** The version, or empty when the text is not one. */
    static Optional<ClientVersion> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ClientVersion(
                Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3))));
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
