package dev.runtimes.client;

import dev.runtimes.client.model.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The filters and page size of a runtime list. Immutable; build one with {@link #builder()}. The
 * server checks the values against the spec's bounds, which the generated {@link
 * dev.runtimes.client.api.RuntimesApi#listRuntimes} documents, and answers a {@link
 * ValidationException} when one breaks its rules.
 */
public final class ListRuntimesParams {
    private static final ListRuntimesParams ALL = builder().build();

    private final List<RuntimeStatus> states;
    private final UUID projectId;
    private final boolean ownedByMe;
    private final List<String> labels;
    private final Integer limit;
    private final String cursor;

    private ListRuntimesParams(
            List<RuntimeStatus> states,
            UUID projectId,
            boolean ownedByMe,
            List<String> labels,
            Integer limit,
            String cursor) {
        this.states = List.copyOf(states);
        this.projectId = projectId;
        this.ownedByMe = ownedByMe;
        this.labels = List.copyOf(labels);
        this.limit = limit;
        this.cursor = cursor;
    }

    /** @return no filters, the server's page size, from the start */
    public static ListRuntimesParams all() {
        return ALL;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    List<RuntimeStatus> states() {
        return states;
    }

    UUID projectId() {
        return projectId;
    }

    boolean ownedByMe() {
        return ownedByMe;
    }

    List<String> labels() {
        return labels;
    }

    Integer limit() {
        return limit;
    }

    String cursor() {
        return cursor;
    }

    /** The same filters, from the page the cursor points at. */
    ListRuntimesParams at(String nextCursor) {
        return new ListRuntimesParams(states, projectId, ownedByMe, labels, limit, nextCursor);
    }

    @Override
    public String toString() {
        return "ListRuntimesParams[states=" + states + ", projectId=" + projectId + ", ownedByMe=" + ownedByMe
                + ", labels=" + labels + ", limit=" + limit + ", cursor=" + cursor + "]";
    }

    /** Builds {@link ListRuntimesParams}. Every filter is optional; filters combine with AND. */
    public static final class Builder {
        private final List<RuntimeStatus> states = new ArrayList<>();
        private UUID projectId;
        private boolean ownedByMe;
        private final List<String> labels = new ArrayList<>();
        private Integer limit;
        private String cursor;

        private Builder() {}

        /**
         * @param states only runtimes in one of these states (OR); replaces earlier ones
         * @return this builder
         */
        public Builder states(RuntimeStatus... states) {
            this.states.clear();
            for (RuntimeStatus state : states) {
                this.states.add(Objects.requireNonNull(state, "state"));
            }
            return this;
        }

        /**
         * @param projectId only runtimes of this project
         * @return this builder
         */
        public Builder projectId(UUID projectId) {
            this.projectId = Objects.requireNonNull(projectId, "projectId");
            return this;
        }

        /**
         * @param ownedByMe whether to list only the runtimes the caller owns
         * @return this builder
         */
        public Builder ownedByMe(boolean ownedByMe) {
            this.ownedByMe = ownedByMe;
            return this;
        }

        /**
         * Requires a label; call again to require several (AND).
         *
         * @param key the label's key
         * @param value the label's value
         * @return this builder
         */
        public Builder label(String key, String value) {
            labels.add(Objects.requireNonNull(key, "key") + ":" + Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param limit the most runtimes on one page; its bounds and the server's default are those of
         *     {@link dev.runtimes.client.api.RuntimesApi#listRuntimes}
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * @param cursor where to start: the {@link Page#nextCursor()} of a page listed with the same
         *     filters
         * @return this builder
         */
        public Builder cursor(String cursor) {
            this.cursor = Objects.requireNonNull(cursor, "cursor");
            return this;
        }

        /** @return the parameters */
        public ListRuntimesParams build() {
            return new ListRuntimesParams(states, projectId, ownedByMe, labels, limit, cursor);
        }
    }
}
