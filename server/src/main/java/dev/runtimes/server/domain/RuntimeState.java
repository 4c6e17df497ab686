package dev.runtimes.server.domain;

/** The status of a runtime, as the {@code status} column of {@code runtimes} holds it. */
public enum RuntimeState {
    IDLE("idle"),
    RUNNING("running"),
    PAUSED("paused");

    private static final RuntimeState[] ALL = values();

    private final String column;

    RuntimeState(String column) {
        this.column = column;
    }

    /** The value in the {@code status} column: {@code idle}, {@code running} or {@code paused}. */
    public String column() {
        return column;
    }

    /** The state a {@code status} column holds. */
    public static RuntimeState ofColumn(String column) {
        for (RuntimeState state : ALL) {
            if (state.column.equals(column)) {
                return state;
            }
        }
        throw new IllegalStateException("not a runtime status: " + column);
    }
}
