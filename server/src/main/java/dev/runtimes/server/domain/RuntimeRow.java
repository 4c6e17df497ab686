package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** One runtime of a list page, joined to its project, owner and current sandbox. */
public record RuntimeRow(
        UUID id,
        String key,
        String name,
        String description,
        UUID projectId,
        String projectKey,
        String projectName,
        RuntimeState status,
        String labelsJson,
        String configDigest,
        String configVersion,
        UUID ownerId,
        String ownerName,
        Instant createdAt,
        Instant updatedAt,
        SandboxRow sandbox) {

    public Keyset keyset() {
        return new Keyset(createdAt, id);
    }

    /** The figures of a sandbox as recorded; live figures are derived from them at read time. */
    public record SandboxRow(
            UUID id,
            String provider,
            String providerSandboxId,
            String sandboxUrl,
            String state,
            String pauseReason,
            Instant createdAt,
            Instant expiresAt,
            Long runtimeLimitSeconds,
            long accumulatedMicros,
            Instant runningSince,
            long billedCredits) {}
}
