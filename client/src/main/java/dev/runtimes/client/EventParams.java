package dev.runtimes.client;

import dev.runtimes.client.model.EventType;
import java.util.List;

/**
 * Which events to read and from where: one runtime (its key or id; {@code null}: all), some types
 * (empty: all), after a cursor ({@code null}: from the oldest event kept for a list, from now on
 * for {@link Events#follow}) and the page size. Immutable.
 */
public final class EventParams {
    private static final EventParams ALL = new EventParams(null, List.of(), null, null);

    private final String runtime;
    private final List<EventType> types;
    private final String after;
    private final Integer limit;

    private EventParams(String runtime, List<EventType> types, String after, Integer limit) {
        this.runtime = runtime;
        this.types = List.copyOf(types);
        this.after = after;
        this.limit = limit;
    }

    /** @return every event, from the start, the server's page size */
    public static EventParams all() {
        return ALL;
    }

    /** @param runtime the runtime's key or id @return these params for that runtime only */
    public EventParams runtime(String runtime) {
        return new EventParams(runtime, types, after, limit);
    }

    /** @param types the types wanted (OR-ed) @return these params for those types only */
    public EventParams types(EventType... types) {
        return new EventParams(runtime, List.of(types), after, limit);
    }

    /** @param after a {@code next_cursor} or an event's stream id @return these params after it */
    public EventParams after(String after) {
        return new EventParams(runtime, types, after, limit);
    }

    /** @param limit events per page, 1 to 500 @return these params with that page size */
    public EventParams limit(int limit) {
        return new EventParams(runtime, types, after, limit);
    }

    String runtime() {
        return runtime;
    }

    List<EventType> types() {
        return types;
    }

    String after() {
        return after;
    }

    Integer limit() {
        return limit;
    }
}
