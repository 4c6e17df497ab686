package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The table {@code credit_ledger}: one usage row per charge of a sandbox, in whole credits. */
@ApplicationScoped
public class CreditLedger {
    private final Rows rows;

    CreditLedger(Rows rows) {
        this.rows = rows;
    }

    /**
     * Writes a charge of the sandbox; {@code cause} is {@code metering} (the periodic charge),
     * {@code pause} or {@code kill} (the final charge of a run).
     */
    public void insert(Sandbox sandbox, long credits, String cause, Instant at) {
        rows.update(
                "insert into credit_ledger (id, organization_id, sandbox_id, cause, credits, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                sandbox.organizationId,
                sandbox.id,
                cause,
                credits,
                Rows.timestamp(at));
    }
}
