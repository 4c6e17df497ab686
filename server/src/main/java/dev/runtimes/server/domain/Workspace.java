package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspaces}. */
public record Workspace(UUID id, UUID organizationId, String slug, String name, Instant createdAt) {}
