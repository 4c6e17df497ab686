package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code projects}. */
public record Project(UUID id, UUID workspaceId, String key, String name, boolean isDefault, Instant createdAt) {}
