package dev.runtimes.server.events;

import dev.runtimes.server.domain.Uuids;
import java.util.Set;

/**
 * Which events a reader wants: of one runtime (by id or key; {@code null}: all) and of some types
 * (empty: all).
 */
public record EventFilter(String runtime, Set<String> types) {
    public static final EventFilter ALL = new EventFilter(null, Set.of());

    boolean matches(StoredEvent event) {
        return (types.isEmpty() || types.contains(event.type()))
                && (runtime == null
                        || runtime.equals(event.runtimeKey())
                        || Uuids.parse(runtime)
                                .filter(event.runtimeId()::equals)
                                .isPresent());
    }
}
