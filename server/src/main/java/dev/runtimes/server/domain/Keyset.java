package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A position in the list order ({@code created_at} descending, then {@code id} descending). */
public record Keyset(Instant createdAt, UUID id) {}
