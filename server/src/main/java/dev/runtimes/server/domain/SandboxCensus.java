package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads over the sandbox ledger for operators and for reconciliation; one small statement each. */
@ApplicationScoped
public class SandboxCensus {
    /** A sandbox the ledger says is alive (running or paused). */
    public record LiveSandbox(UUID id, UUID runtimeId, String providerSandboxId) {}

    private final Rows rows;

    SandboxCensus(Rows rows) {
        this.rows = rows;
    }

    /** How many sandboxes are in {@code state} now. */
    public long count(String state) {
        return rows.number("select count(*) from sandboxes where state = ?", state);
    }

    /** The sandboxes of {@code provider} that should be alive. */
    public List<LiveSandbox> live(String provider) {
        return rows.list(
                "select id, runtime_id, provider_sandbox_id from sandboxes"
                        + " where provider = ? and state in ('running', 'paused')",
                rs -> new LiveSandbox(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                provider);
    }

    /** The earliest {@code expires_at} of a sandbox still running at {@code now} although it has expired. */
    public Optional<Instant> oldestOverdueExpiry(Instant now) {
        return earliest(
                "select min(expires_at) from sandboxes where state = 'running' and expires_at <= ?",
                Rows.timestamp(now));
    }

    /**
     * Since when the running sandbox that has gone uncharged the longest has been running uncharged:
     * its last charge, or the start of its running span when it was charged before that or never.
     */
    public Optional<Instant> oldestUncharged() {
        return earliest("select min(case when metered_at is null or metered_at < running_since"
                + " then running_since else metered_at end) from sandboxes where state = 'running'");
    }

    private Optional<Instant> earliest(String sql, Object... parameters) {
        return rows.first(sql, rs -> Optional.ofNullable(Rows.instant(rs, 1)), parameters)
                .orElseThrow();
    }
}
