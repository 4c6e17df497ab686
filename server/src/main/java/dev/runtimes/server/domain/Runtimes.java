package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tables {@code runtimes} and {@code runtime_labels}: a runtime's labels, one row each with the
 * runtime's workspace and creation time, for the label filter to walk in list order
 * (docs/list-query-plan.md).
 */
@ApplicationScoped
public class Runtimes {
    private static final String SELECT = "select id, workspace_id, project_id, key, name, description, owner_id,"
            + " status, labels, config, config_digest, config_version, current_sandbox_id, claim_id,"
            + " claim_operation, claimed_at, created_at, updated_at from runtimes";

    private final Rows rows;

    Runtimes(Rows rows) {
        this.rows = rows;
    }

    /**
     * The runtime of the workspace with this id or key, locked until the transaction ends when
     * {@code forUpdate} says so. A value that is a UUID is looked up as an id first.
     */
    public Optional<Runtime> inWorkspace(UUID workspaceId, String idOrKey, boolean forUpdate) {
        String lock = forUpdate ? rows.forUpdate() : "";
        Optional<Runtime> byId = Uuids.parse(idOrKey)
                .flatMap(id -> rows.first(
                        SELECT + " where workspace_id = ? and id = ?" + lock, Runtimes::read, workspaceId, id));
        return byId.isPresent()
                ? byId
                : rows.first(
                        SELECT + " where workspace_id = ? and key = ?" + lock, Runtimes::read, workspaceId, idOrKey);
    }

    public Optional<Runtime> byKey(UUID workspaceId, String key) {
        return rows.first(SELECT + " where workspace_id = ? and key = ?", Runtimes::read, workspaceId, key);
    }

    /** The runtime, locked until the transaction ends when {@code forUpdate} says so. */
    public Optional<Runtime> byId(UUID id, boolean forUpdate) {
        return rows.first(SELECT + " where id = ?" + (forUpdate ? rows.forUpdate() : ""), Runtimes::read, id);
    }

    /** The new runtime, with no sandbox and unclaimed, and its labels. */
    public void insert(Runtime runtime, Map<String, String> labels) {
        rows.update(
                "insert into runtimes (id, workspace_id, project_id, key, name, description, owner_id, status, labels,"
                        + " config, config_digest, config_version, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runtime.id,
                runtime.workspaceId,
                runtime.projectId,
                runtime.key,
                runtime.name,
                runtime.description,
                runtime.ownerId,
                runtime.status,
                runtime.labelsJson,
                runtime.config,
                runtime.configDigest,
                runtime.configVersion,
                Rows.timestamp(runtime.createdAt),
                Rows.timestamp(runtime.updatedAt));
        insertLabels(runtime, labels);
    }

    /** Writes what changes over a runtime's life (its configuration never does). */
    public void update(Runtime runtime) {
        rows.update(
                "update runtimes set name = ?, description = ?, status = ?, labels = ?, current_sandbox_id = ?,"
                        + " claim_id = ?, claim_operation = ?, claimed_at = ?, updated_at = ? where id = ?",
                runtime.name,
                runtime.description,
                runtime.status,
                runtime.labelsJson,
                runtime.currentSandboxId,
                runtime.claimId,
                runtime.claimOperation,
                Rows.timestamp(runtime.claimedAt),
                Rows.timestamp(runtime.updatedAt),
                runtime.id);
    }

    /** Replaces the label rows of the runtime; its {@code labels} column is written by {@link #update}. */
    public void relabel(Runtime runtime, Map<String, String> labels) {
        rows.update("delete from runtime_labels where runtime_id = ?", runtime.id);
        insertLabels(runtime, labels);
    }

    /** Deletes the runtime; its label rows go with it. */
    public void delete(UUID id) {
        rows.update("delete from runtimes where id = ?", id);
    }

    private void insertLabels(Runtime runtime, Map<String, String> labels) {
        rows.batch(
                "insert into runtime_labels (runtime_id, key, value, workspace_id, created_at) values (?, ?, ?, ?, ?)",
                labels.entrySet().stream()
                        .map(label -> new Object[] {
                            runtime.id,
                            label.getKey(),
                            label.getValue(),
                            runtime.workspaceId,
                            Rows.timestamp(runtime.createdAt)
                        })
                        .toList());
    }

    private static Runtime read(ResultSet rs) throws SQLException {
        Runtime runtime = new Runtime();
        runtime.id = rs.getObject(1, UUID.class);
        runtime.workspaceId = rs.getObject(2, UUID.class);
        runtime.projectId = rs.getObject(3, UUID.class);
        runtime.key = rs.getString(4);
        runtime.name = rs.getString(5);
        runtime.description = rs.getString(6);
        runtime.ownerId = rs.getObject(7, UUID.class);
        runtime.status = rs.getString(8);
        runtime.labelsJson = rs.getString(9);
        runtime.config = rs.getString(10);
        runtime.configDigest = rs.getString(11);
        runtime.configVersion = rs.getString(12);
        runtime.currentSandboxId = rs.getObject(13, UUID.class);
        runtime.claimId = rs.getObject(14, UUID.class);
        runtime.claimOperation = rs.getString(15);
        runtime.claimedAt = Rows.instant(rs, 16);
        runtime.createdAt = Rows.instant(rs, 17);
        runtime.updatedAt = Rows.instant(rs, 18);
        return runtime;
    }
}
