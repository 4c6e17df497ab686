package dev.runtimes.server.service;

import java.util.List;
import java.util.UUID;

/**
 * What a list call asks for, already checked against the spec's bounds.
 *
 * @param statuses wanted runtime statuses, possibly empty
 * @param labels wanted {@code key:value} labels, possibly empty
 */
public record ListRequest(
        List<String> statuses, UUID projectId, boolean ownedByMe, List<String> labels, int limit, String cursor) {}
