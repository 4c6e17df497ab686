package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The table {@code sandboxes}, the sandbox ledger. */
@ApplicationScoped
public class Sandboxes {
    /** The columns {@link #read} reads, in its order. */
    public static final String COLUMNS = "id, runtime_id, organization_id, provider, provider_sandbox_id, sandbox_url,"
            + " state, pause_reason, created_at, expires_at, runtime_limit_seconds, accumulated_micros,"
            + " running_since, billed_credits, metered_at, killed_at, kill_reason, token_hash";

    private final Rows rows;

    Sandboxes(Rows rows) {
        this.rows = rows;
    }

    public Optional<Sandbox> byId(UUID id) {
        return rows.first("select " + COLUMNS + " from sandboxes where id = ?", Sandboxes::read, id);
    }

    public void insert(Sandbox sandbox) {
        rows.update(
                "insert into sandboxes (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sandbox.id,
                sandbox.runtimeId,
                sandbox.organizationId,
                sandbox.provider,
                sandbox.providerSandboxId,
                sandbox.sandboxUrl,
                sandbox.state,
                sandbox.pauseReason,
                Rows.timestamp(sandbox.createdAt),
                Rows.timestamp(sandbox.expiresAt),
                sandbox.runtimeLimitSeconds,
                sandbox.accumulatedMicros,
                Rows.timestamp(sandbox.runningSince),
                sandbox.billedCredits,
                Rows.timestamp(sandbox.meteredAt),
                Rows.timestamp(sandbox.killedAt),
                sandbox.killReason,
                sandbox.tokenHash);
    }

    /** Writes what changes over a sandbox's life: its state, its running time and its charges. */
    public void update(Sandbox sandbox) {
        rows.update(
                "update sandboxes set state = ?, pause_reason = ?, expires_at = ?, accumulated_micros = ?,"
                        + " running_since = ?, billed_credits = ?, metered_at = ?, killed_at = ?, kill_reason = ?"
                        + " where id = ?",
                sandbox.state,
                sandbox.pauseReason,
                Rows.timestamp(sandbox.expiresAt),
                sandbox.accumulatedMicros,
                Rows.timestamp(sandbox.runningSince),
                sandbox.billedCredits,
                Rows.timestamp(sandbox.meteredAt),
                Rows.timestamp(sandbox.killedAt),
                sandbox.killReason,
                sandbox.id);
    }

    /** One row, selected with {@link #COLUMNS}. */
    public static Sandbox read(ResultSet rs) throws SQLException {
        Sandbox sandbox = new Sandbox();
        sandbox.id = rs.getObject(1, UUID.class);
        sandbox.runtimeId = rs.getObject(2, UUID.class);
        sandbox.organizationId = rs.getObject(3, UUID.class);
        sandbox.provider = rs.getString(4);
        sandbox.providerSandboxId = rs.getString(5);
        sandbox.sandboxUrl = rs.getString(6);
        sandbox.state = rs.getString(7);
        sandbox.pauseReason = rs.getString(8);
        sandbox.createdAt = Rows.instant(rs, 9);
        sandbox.expiresAt = Rows.instant(rs, 10);
        sandbox.runtimeLimitSeconds = rs.getObject(11, Long.class);
        sandbox.accumulatedMicros = rs.getLong(12);
        sandbox.runningSince = Rows.instant(rs, 13);
        sandbox.billedCredits = rs.getLong(14);
        sandbox.meteredAt = Rows.instant(rs, 15);
        sandbox.killedAt = Rows.instant(rs, 16);
        sandbox.killReason = rs.getString(17);
        sandbox.tokenHash = rs.getString(18);
        return sandbox;
    }
}
