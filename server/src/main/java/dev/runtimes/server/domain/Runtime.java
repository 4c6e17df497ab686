package dev.runtimes.server.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "runtimes")
public class Runtime extends PanacheEntityBase {
    public static final String IDLE = RuntimeState.IDLE.column();
    public static final String RUNNING = RuntimeState.RUNNING.column();
    public static final String PAUSED = RuntimeState.PAUSED.column();

    @Id
    public UUID id;

    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Column(name = "project_id")
    public UUID projectId;

    public String key;
    public String name;
    public String description;

    @Column(name = "owner_id")
    public UUID ownerId;

    /** A {@link RuntimeState}'s column value; kept in step with the current sandbox. */
    public String status;

    /** The labels as canonical JSON, read by the list in the same row. */
    @Column(name = "labels")
    public String labelsJson;

    /** The same labels, one row each, for the label filter. */
    @ElementCollection
    @CollectionTable(name = "runtime_labels", joinColumns = @JoinColumn(name = "runtime_id"))
    @MapKeyColumn(name = "key")
    public Map<String, ListedLabel> labelIndex = new HashMap<>();

    /** The durable configuration as canonical JSON, defaults filled in. */
    public String config;

    @Column(name = "config_digest")
    public String configDigest;

    @Column(name = "config_version")
    public String configVersion;

    @Column(name = "current_sandbox_id")
    public UUID currentSandboxId;

    /** The transition that holds the runtime while it calls the provider, or {@code null}. */
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "claim_operation")
    public String claimOperation;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The runtime of the workspace with this id or key, locked for update when {@code lock} says
     * so. A value that is a UUID is looked up as an id first.
     */
    public static Optional<Runtime> findInWorkspace(UUID workspaceId, String idOrKey, LockModeType lock) {
        Optional<Runtime> byId = Uuids.parse(idOrKey)
                .flatMap(id -> find("workspaceId = ?1 and id = ?2", workspaceId, id)
                        .withLock(lock)
                        .firstResultOptional());
        return byId.isPresent()
                ? byId
                : find("workspaceId = ?1 and key = ?2", workspaceId, idOrKey)
                        .withLock(lock)
                        .firstResultOptional();
    }

    public static Optional<Runtime> findByKey(UUID workspaceId, String key) {
        return find("workspaceId = ?1 and key = ?2", workspaceId, key).firstResultOptional();
    }
}
