package dev.runtimes.server.tenancy;

import java.util.UUID;

/** A workspace the caller may act in, as far as a service needs to know it. */
public record AccessibleWorkspace(UUID id, UUID organizationId) {}
