package dev.runtimes.server.service;

import dev.runtimes.server.domain.LabelFilter;
import dev.runtimes.server.domain.RuntimeState;
import java.util.List;
import java.util.UUID;

/**
 * What a list call asks for, already checked against the spec's bounds.
 *
 * @param statuses wanted runtime statuses, possibly empty
 * @param labels labels every listed runtime carries, possibly empty
 */
public record ListRequest(
        List<RuntimeState> statuses,
        UUID projectId,
        boolean ownedByMe,
        List<LabelFilter> labels,
        int limit,
        String cursor) {}
