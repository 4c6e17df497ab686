package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code memberships}: a user's role in an organization. */
public record Membership(UUID organizationId, UUID userId, String role, Instant createdAt) {
    public static final String OWNER = "owner";
    public static final String MEMBER = "member";
}
