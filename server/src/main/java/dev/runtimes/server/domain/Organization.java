package dev.runtimes.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code organizations}; the operator changes its settings in place ({@link Organizations#update}). */
public class Organization {
    public UUID id;
    public String slug;
    public String name;

    /** Credits left; {@code null} means the organization is not metered. */
    public Long creditBalance;

    public Integer memberLimit;

    /** The longest runtime limit of the organization's sandboxes; {@code null}: the platform's. */
    public Long maxRuntimeLimitSeconds;

    /** The runtime limit of a sandbox whose start names none; {@code null}: the platform's. */
    public Long defaultRuntimeLimitSeconds;

    public Instant createdAt;
}
