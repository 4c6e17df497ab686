package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code runtimes}, read and written by {@link Runtimes}. */
public class Runtime {
    public static final String IDLE = RuntimeState.IDLE.column();
    public static final String RUNNING = RuntimeState.RUNNING.column();
    public static final String PAUSED = RuntimeState.PAUSED.column();

    public UUID id;
    public UUID workspaceId;
    public UUID projectId;
    public String key;
    public String name;
    public String description;
    public UUID ownerId;

    /** A {@link RuntimeState}'s column value; kept in step with the current sandbox. */
    public String status;

    /**
     * The labels as canonical JSON, read by the list in the same row; {@code runtime_labels} holds
     * the same labels, one row each, for the label filter.
     */
    public String labelsJson;

    /** The durable configuration as canonical JSON, defaults filled in. */
    public String config;

    public String configDigest;
    public String configVersion;
    public UUID currentSandboxId;

    /** The transition that holds the runtime while it calls the provider, or {@code null}. */
    public UUID claimId;

    public String claimOperation;
    public Instant claimedAt;
    public Instant createdAt;
    public Instant updatedAt;
}
