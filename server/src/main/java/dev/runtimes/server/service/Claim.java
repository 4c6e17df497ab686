package dev.runtimes.server.service;

import java.util.UUID;

/**
 * A runtime held by one transition while it calls the provider.
 *
 * @param id the claim's own id: only the transition that holds it may complete it
 * @param providerSandboxId the provider's id of the runtime's current sandbox, or {@code null} when idle
 * @param actor who asked for the transition, as its event names them
 */
record Claim(
        UUID id,
        Operation operation,
        UUID runtimeId,
        String runtimeKey,
        UUID workspaceId,
        UUID organizationId,
        DurableConfig config,
        String providerSandboxId,
        String actor) {}
