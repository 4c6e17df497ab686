package dev.runtimes.server.service;

import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.provider.ConfiguredProvider;
import dev.runtimes.server.tenancy.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final Clock clock;
    private final Duration staleAfter;

    RuntimeClaims(RuntimeLookup lookup, Clock clock, ConfiguredProvider provider) {
        this.lookup = lookup;
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
                throw ServiceException.conflict("Runtime '" + runtime.key + "' is busy: a " + runtime.claimOperation
                        + " is in progress; try again when it has finished.");
            }
            if (!operation.allowedFrom(runtime.status)) {
                throw operation.refusedFor(runtime);
            }
            Sandbox sandbox = runtime.currentSandboxId == null ? null : Sandbox.findById(runtime.currentSandboxId);
            if (operation == Operation.RESUME && sandbox.limitUsedUp()) {
                throw ServiceException.conflict("Runtime '" + runtime.key + "' cannot be resumed: its sandbox has"
                        + " used its runtime limit of " + sandbox.runtimeLimitSeconds
                        + " seconds; reset it to start afresh.");
            }
            runtime.claimId = UUID.randomUUID();
            runtime.claimOperation = operation.noun();
            runtime.claimedAt = now;
            return new Claim(
                    runtime.claimId,
                    operation,
                    runtime.id,
                    runtime.key,
                    found.workspace().id,
                    found.workspace().organizationId,
                    DurableConfig.parse(runtime.config),
                    sandbox == null ? null : sandbox.providerSandboxId);
        });
    }

    /**
     * Releases the claim and records the outcome: {@code change} gets the runtime, locked, and the
     * moment of completion. Fails when the claim was lost (taken over as stale), so the caller can
     * undo what it did.
     */
    void complete(Claim claim, BiConsumer<Runtime, Instant> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Runtime runtime = Runtime.findById(claim.runtimeId(), LockModeType.PESSIMISTIC_WRITE);
            if (runtime == null || !claim.id().equals(runtime.claimId)) {
                throw ServiceException.conflict("Runtime '" + claim.runtimeKey() + "' was taken over by another"
                        + " operation while this " + claim.operation().noun() + " ran; the "
                        + claim.operation().noun() + " was undone.");
            }
            runtime.claimId = null;
            runtime.claimOperation = null;
            runtime.claimedAt = null;
            change.accept(runtime, clock.instant());
        });
    }

    /** Whether a live transition holds the runtime. */
    boolean held(Runtime runtime, Instant now) {
        return runtime.claimId != null && runtime.claimedAt.plus(staleAfter).isAfter(now);
    }
}
