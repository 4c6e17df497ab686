package dev.runtimes.server.service;

import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.domain.Sandboxes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Charges every running sandbox for the time it ran since its last charge. Safe on every replica
 * at once: a batch locks its runtimes and skips those another transaction holds, and a round
 * skips the sandboxes charged since it began, so replicas share the work; whichever charges a
 * sandbox, a credit is billed once (see {@link CreditMeter}). Sandboxes that must be paused are
 * left to the {@link PauseSweep}.
 */
@ApplicationScoped
public class MeteringSweep {
    private static final int BATCH = 200;
    // Sandboxes the pause sweep must pause (expired, organization out of credits or over its member
    // limit) are left to it, which charges them as it pauses them. Were they metered, every pause
    // sweep that ran while a metering batch held their runtimes would skip them; with the sweeps of
    // all replicas firing on the same second, that can go on until the runtime limit.
    private static final String RUNNING_AND_NOT_CHARGED_SINCE = "select r.id from runtimes r"
            + " where r.status = 'running' and r.current_sandbox_id in (select s.id from sandboxes s"
            + " join organizations o on o.id = s.organization_id"
            + " where s.state = 'running' and (s.metered_at is null or s.metered_at < ?)"
            + " and " + AutoPause.NONE_HOLDS + ")"
            + " limit ? for update skip locked";

    private final CreditMeter meter;
    private final Runtimes runtimes;
    private final Sandboxes sandboxes;
    private final Rows rows;
    private final Clock clock;

    MeteringSweep(CreditMeter meter, Runtimes runtimes, Sandboxes sandboxes, Rows rows, Clock clock) {
        this.meter = meter;
        this.runtimes = runtimes;
        this.sandboxes = sandboxes;
        this.rows = rows;
        this.clock = clock;
    }

    /** One round over the running sandboxes; the credits this call charged. */
    public long sweep() {
        Instant round = clock.instant();
        long charged = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> charge(round));
            charged += batch.credits();
        } while (batch.selected() == BATCH);
        return charged;
    }

    private record Batch(int selected, long credits) {}

    private Batch charge(Instant round) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(Rows.timestamp(round));
        parameters.addAll(AutoPause.allParameters(round));
        parameters.add(BATCH);
        List<UUID> ids =
                rows.list(RUNNING_AND_NOT_CHARGED_SINCE, rs -> rs.getObject(1, UUID.class), parameters.toArray());
        Instant now = clock.instant();
        SortedMap<UUID, Long> byOrganization = new TreeMap<>();
        for (UUID id : ids) {
            Runtime runtime = runtimes.byId(id, false).orElseThrow();
            Sandbox sandbox = runtime.currentSandboxId == null
                    ? null
                    : sandboxes.byId(runtime.currentSandboxId).orElseThrow();
            if (sandbox != null && Sandbox.RUNNING.equals(sandbox.state)) {
                byOrganization.merge(
                        sandbox.organizationId, meter.charge(sandbox, now, CreditMeter.METERING), Long::sum);
                sandboxes.update(sandbox);
            }
        }
        meter.debit(byOrganization);
        return new Batch(
                ids.size(),
                byOrganization.values().stream().mapToLong(Long::longValue).sum());
    }
}
