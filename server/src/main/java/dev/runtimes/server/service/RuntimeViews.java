package dev.runtimes.server.service;

import dev.runtimes.server.domain.RuntimePageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Reads one runtime the way the list shows it, for the answer of a read or a change. */
@ApplicationScoped
public class RuntimeViews {
    private final RuntimePageQuery query;
    private final Clock clock;

    RuntimeViews(RuntimePageQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /** The runtime as it is now; a 404 when it was deleted meanwhile. */
    public RuntimeView view(UUID callerId, UUID workspaceId, UUID runtimeId, RuntimeRef ref) {
        return query.one(workspaceId, runtimeId)
                .map(row -> new RuntimeView(row, callerId, clock.instant()))
                .orElseThrow(() -> RuntimeLookup.notFound(ref));
    }
}
