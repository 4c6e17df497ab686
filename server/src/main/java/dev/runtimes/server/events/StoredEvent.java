package dev.runtimes.server.events;

import dev.runtimes.server.domain.RuntimeRow;
import java.time.Instant;
import java.util.UUID;

/**
 * One event as stored: its place {@code seq} in the workspace's order and the runtime's list row
 * right after the change ({@code null} once deleted).
 */
public record StoredEvent(
        long seq,
        UUID id,
        String type,
        Instant occurredAt,
        UUID runtimeId,
        String runtimeKey,
        String actor,
        String pauseReason,
        RuntimeRow runtime) {}
