package dev.runtimes.server.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One usage row of the credit ledger: whole credits charged for a sandbox's running time. */
@Entity
@Table(name = "credit_ledger")
public class CreditCharge extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "sandbox_id")
    public UUID sandboxId;

    /** {@code metering} (the periodic charge), {@code pause} or {@code kill} (the final charge of a run). */
    public String cause;

    public long credits;

    @Column(name = "created_at")
    public Instant createdAt;

    public static CreditCharge of(Sandbox sandbox, long credits, String cause, Instant at) {
        CreditCharge charge = new CreditCharge();
        charge.id = UUID.randomUUID();
        charge.organizationId = sandbox.organizationId;
        charge.sandboxId = sandbox.id;
        charge.cause = cause;
        charge.credits = credits;
        charge.createdAt = at;
        return charge;
    }
}
