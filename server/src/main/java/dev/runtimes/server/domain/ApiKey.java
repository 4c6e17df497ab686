package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code api_keys}: the hex SHA-256 of the secret (never the secret), and the organization
 * and workspace the key is restricted to, when it is.
 */
public record ApiKey(
        UUID id,
        UUID userId,
        String name,
        String tokenHash,
        UUID organizationId,
        UUID workspaceId,
        Instant expiresAt,
        Instant createdAt) {}
