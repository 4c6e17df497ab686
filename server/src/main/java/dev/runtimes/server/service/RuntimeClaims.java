package dev.runtimes.server.service;

import dev.runtimes.server.domain.Memberships;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Organizations;
import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.domain.Sandboxes;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.events.EventLog;
import dev.runtimes.server.provider.ConfiguredProvider;
import dev.runtimes.server.tenancy.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Serializes the transitions of a runtime without holding a transaction open across a provider
 * call. A transition first claims the runtime in a short transaction (row lock, owner, status and
 * claim checks), then calls the provider with no transaction open, then completes the claim in a
 * second short transaction that records the outcome. A concurrent transition finds the claim and
 * is refused with a 409 at once.
 */
@ApplicationScoped
class RuntimeClaims {
    private final RuntimeLookup lookup;
    private final Runtimes runtimes;
    private final Sandboxes sandboxes;
    private final Organizations organizations;
    private final Memberships memberships;
    private final Rows rows;
    private final Clock clock;
    private final Duration staleAfter;

    RuntimeClaims(
            RuntimeLookup lookup,
            Runtimes runtimes,
            Sandboxes sandboxes,
            Organizations organizations,
            Memberships memberships,
            Rows rows,
            Clock clock,
            ConfiguredProvider provider) {
        this.lookup = lookup;
        this.runtimes = runtimes;
        this.sandboxes = sandboxes;
        this.organizations = organizations;
        this.memberships = memberships;
        this.rows = rows;
        this.clock = clock;
        // A transition holds its claim for one provider call and, on failure, one compensating
        // call, each bounded by the timeout: a claim older than that belongs to a dead process.
        this.staleAfter = provider.timeout().multipliedBy(3);
    }

    /** Claims the runtime for {@code operation}, or refuses with the reason. */
    Claim claim(Caller caller, RuntimeRef ref, Operation operation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RuntimeLookup.Found found = lookup.findOwned(caller, ref);
            Runtime runtime = found.runtime();
            Instant now = clock.instant();
            if (held(runtime, now)) {
                throw busy(runtime);
            }
            if (!operation.allowedFrom(runtime.status)) {
                throw operation.refusedFor(runtime);
            }
            if (operation == Operation.START || operation == Operation.RESUME) {
                StartAdmission.check(
                        organizations.byId(found.workspace().organizationId()).orElseThrow(),
                        memberships,
                        runtime,
                        operation);
            }
            Sandbox sandbox = runtime.currentSandboxId == null
                    ? null
                    : sandboxes.byId(runtime.currentSandboxId).orElseThrow();
            if (operation == Operation.RESUME && sandbox.limitUsedUp()) {
                throw ServiceException.conflict("Runtime '" + runtime.key + "' cannot be resumed: its sandbox has"
                        + " used its runtime limit of " + sandbox.runtimeLimitSeconds
                        + " seconds; reset it to start afresh.");
            }
            return take(runtime, operation, now, found.workspace().organizationId(), sandbox, caller.userName());
        });
    }

    /** One batch of runtimes claimed by a sweep, and where the next batch starts. */
    record Batch(List<Claim> claims, int selected, UUID last) {}

    /**
     * Claims, for a pause, up to {@code limit} running runtimes whose sandbox must be paused for
     * {@code cause}, in id order after {@code after} ({@code null}: from the first). Runtimes another
     * transaction holds locked are skipped, so several replicas sweep side by side, each claiming
     * different runtimes; the cause is checked again on each locked runtime, so a keepalive that
     * committed meanwhile is seen.
     */
    Batch claimForAutoPause(AutoPause cause, UUID after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            String sql = "select r.id from runtimes r where r.status = 'running'"
                    + " and (r.claim_id is null or r.claimed_at <= ?)"
                    + (after == null ? "" : " and r.id > ?")
                    + " and r.current_sandbox_id in (select s.id from sandboxes s"
                    + " join organizations o on o.id = s.organization_id"
                    + " where s.state = 'running' and " + cause.condition() + ")"
                    + " order by r.id limit ? for update skip locked";
            List<Object> parameters = new ArrayList<>();
            parameters.add(Rows.timestamp(now.minus(staleAfter)));
            if (after != null) {
                parameters.add(after);
            }
            parameters.addAll(cause.parameters(now));
            parameters.add(limit);
            List<UUID> ids = rows.list(sql, rs -> rs.getObject(1, UUID.class), parameters.toArray());
            List<Claim> claimed = new ArrayList<>();
            for (UUID id : ids) {
                Runtime runtime = runtimes.byId(id, false).orElseThrow();
                if (!Runtime.RUNNING.equals(runtime.status) || held(runtime, now)) {
                    continue;
                }
                Sandbox sandbox = sandboxes.byId(runtime.currentSandboxId).orElseThrow();
                Organization org = organizations.byId(sandbox.organizationId).orElseThrow();
                if (cause.holds(sandbox, org, memberships, now)) {
                    claimed.add(take(runtime, Operation.PAUSE, now, sandbox.organizationId, sandbox, EventLog.SYSTEM));
                }
            }
            return new Batch(claimed, ids.size(), ids.isEmpty() ? after : ids.get(ids.size() - 1));
        });
    }

    private Claim take(
            Runtime runtime, Operation operation, Instant now, UUID organizationId, Sandbox sandbox, String actor) {
        runtime.claimId = UUID.randomUUID();
        runtime.claimOperation = operation.noun();
        runtime.claimedAt = now;
        runtimes.update(runtime);
        return new Claim(
                runtime.claimId,
                operation,
                runtime.id,
                runtime.key,
                runtime.workspaceId,
                organizationId,
                DurableConfig.parse(runtime.config),
                sandbox == null ? null : sandbox.providerSandboxId,
                actor);
    }

    /**
     * Releases the claim and records the outcome: {@code change} gets the runtime, locked and
     * released, and the moment of completion, and writes what it changes. Fails when the claim was
     * lost (taken over as stale), so the caller can undo what it did.
     */
    void complete(Claim claim, BiConsumer<Runtime, Instant> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Runtime runtime = runtimes.byId(claim.runtimeId(), true).orElse(null);
            if (runtime == null || !claim.id().equals(runtime.claimId)) {
                throw ServiceException.conflict("Runtime '" + claim.runtimeKey() + "' was taken over by another"
                        + " operation while this " + claim.operation().noun() + " ran; the "
                        + claim.operation().noun() + " was undone.");
            }
            runtime.claimId = null;
            runtime.claimOperation = null;
            runtime.claimedAt = null;
            runtimes.update(runtime);
            change.accept(runtime, clock.instant());
        });
    }

    /** The 409 of a runtime that a transition holds. */
    static ServiceException busy(Runtime runtime) {
        return ServiceException.conflict("Runtime '" + runtime.key + "' is busy: a " + runtime.claimOperation
                + " is in progress; try again when it has finished.");
    }

    /** Whether a live transition holds the runtime. */
    boolean held(Runtime runtime, Instant now) {
        return runtime.claimId != null && runtime.claimedAt.plus(staleAfter).isAfter(now);
    }
}
