package dev.runtimes.server.domain;

/**
 * A label a listed runtime must carry. Ordered as its written form {@code key:value}: a filter's
 * canonical form, which cursors are signed with, lists its labels in that order.
 */
public record LabelFilter(String key, String value) implements Comparable<LabelFilter> {

    /** Reads {@code key:value}; a key has no colon (the spec's pattern of {@code label} checked it). */
    public static LabelFilter parse(String written) {
        int colon = written.indexOf(':');
        return new LabelFilter(written.substring(0, colon), written.substring(colon + 1));
    }

    /** {@code key:value}, as the {@code label} parameter writes it. */
    public String written() {
        return key + ':' + value;
    }

    @Override
    public int compareTo(LabelFilter other) {
        return written().compareTo(other.written());
    }
}
