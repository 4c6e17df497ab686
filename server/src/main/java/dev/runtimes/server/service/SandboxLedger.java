package dev.runtimes.server.service;

import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.provider.ConfiguredProvider;
import dev.runtimes.server.provider.ProvisionedSandbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Records what happened to sandboxes, keeping the runtime's denormalized {@code status} and
 * {@code current_sandbox_id} in step with its current sandbox. Runs inside the caller's
 * transaction, with the runtime locked.
 */
@ApplicationScoped
class SandboxLedger {
    static final String PAUSED_BY_USER = "user";

    private final ConfiguredProvider provider;
    private final CreditMeter meter;

    SandboxLedger(ConfiguredProvider provider, CreditMeter meter) {
        this.provider = provider;
        this.meter = meter;
    }

    /** A new running sandbox becomes the runtime's current one. */
    void started(
            Runtime runtime,
            Instant now,
            Claim claim,
            UUID sandboxId,
            ProvisionedSandbox provisioned,
            long limitSeconds,
            String tokenHash) {
        Sandbox sandbox = newRow(claim, sandboxId, provisioned.providerSandboxId(), now);
        sandbox.sandboxUrl = provisioned.url();
        sandbox.runtimeLimitSeconds = limitSeconds;
        sandbox.tokenHash = tokenHash;
        sandbox.run(now, claim.config().timeout());
        sandbox.persist();
        runtime.currentSandboxId = sandbox.id;
        runtime.status = Runtime.RUNNING;
        runtime.updatedAt = now;
    }

    /** A start that failed is kept as a killed sandbox; the runtime stays idle. */
    void failedStart(Instant now, Claim claim, UUID sandboxId, String providerSandboxId, String reason) {
        Sandbox sandbox = newRow(claim, sandboxId, providerSandboxId, now);
        sandbox.kill(now, reason);
        sandbox.persist();
    }

    /** The runtime's sandbox stops running, for {@code reason}, and is charged for its run. */
    void paused(Runtime runtime, Instant now, String reason) {
        Sandbox sandbox = current(runtime);
        sandbox.pause(now, reason);
        meter.chargeFinal(sandbox, now, CreditMeter.PAUSE);
        runtime.status = Runtime.PAUSED;
        runtime.updatedAt = now;
    }

    void resumed(Runtime runtime, Instant now) {
        current(runtime).run(now, DurableConfig.parse(runtime.config).timeout());
        runtime.status = Runtime.RUNNING;
        runtime.updatedAt = now;
    }

    /** The runtime's current sandbox is killed and the runtime is idle. */
    void killed(Runtime runtime, Instant now, String reason) {
        killed(runtime, current(runtime), now, reason);
    }

    /**
     * The sandbox is killed and charged for its run; when it is the current sandbox of {@code runtime} (which may be
     * {@code null}), the runtime is idle.
     */
    void killed(Runtime runtime, Sandbox sandbox, Instant now, String reason) {
        sandbox.kill(now, reason);
        meter.chargeFinal(sandbox, now, CreditMeter.KILL);
        if (runtime != null && sandbox.id.equals(runtime.currentSandboxId)) {
            runtime.currentSandboxId = null;
            runtime.status = Runtime.IDLE;
            runtime.updatedAt = now;
        }
    }

    /** The runtime is deleted; its sandbox, if any, stays in the ledger, killed. */
    void deleted(Runtime runtime, Instant now) {
        if (runtime.currentSandboxId != null) {
            killed(runtime, now, "the runtime was deleted");
        }
        runtime.delete();
    }

    private Sandbox newRow(Claim claim, UUID sandboxId, String providerSandboxId, Instant now) {
        Sandbox sandbox = new Sandbox();
        sandbox.id = sandboxId;
        sandbox.runtimeId = claim.runtimeId();
        sandbox.organizationId = claim.organizationId();
        sandbox.provider = provider.kind();
        sandbox.providerSandboxId = providerSandboxId;
        sandbox.createdAt = now;
        return sandbox;
    }

    private static Sandbox current(Runtime runtime) {
        return Sandbox.findById(runtime.currentSandboxId);
    }
}
