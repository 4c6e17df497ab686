package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}. */
public record AppUser(UUID id, String name, Instant createdAt) {}
