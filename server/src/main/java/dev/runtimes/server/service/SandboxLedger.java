package dev.runtimes.server.service;

import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.domain.Sandboxes;
import dev.runtimes.server.provider.ConfiguredProvider;
import dev.runtimes.server.provider.ProvisionedSandbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Records what happened to sandboxes, keeping the runtime's denormalized {@code status} and
 * {@code current_sandbox_id} in step with its current sandbox, and writes both. Runs inside the
 * caller's transaction, with the runtime locked.
 */
@ApplicationScoped
class SandboxLedger {
    static final String PAUSED_BY_USER = "user";

    private final ConfiguredProvider provider;
    private final CreditMeter meter;
    private final Runtimes runtimes;
    private final Sandboxes sandboxes;

    SandboxLedger(ConfiguredProvider provider, CreditMeter meter, Runtimes runtimes, Sandboxes sandboxes) {
        this.provider = provider;
        this.meter = meter;
        this.runtimes = runtimes;
        this.sandboxes = sandboxes;
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
        sandboxes.insert(sandbox);
        runtime.currentSandboxId = sandbox.id;
        runtime.status = Runtime.RUNNING;
        runtime.updatedAt = now;
        runtimes.update(runtime);
    }

    /** A start that failed is kept as a killed sandbox; the runtime stays idle. */
    void failedStart(Instant now, Claim claim, UUID sandboxId, String providerSandboxId, String reason) {
        Sandbox sandbox = newRow(claim, sandboxId, providerSandboxId, now);
        sandbox.kill(now, reason);
        sandboxes.insert(sandbox);
    }

    /** The runtime's sandbox stops running, for {@code reason}, and is charged for its run. */
    void paused(Runtime runtime, Instant now, String reason) {
        Sandbox sandbox = current(runtime);
        sandbox.pause(now, reason);
        meter.chargeFinal(sandbox, now, CreditMeter.PAUSE);
        sandboxes.update(sandbox);
        runtime.status = Runtime.PAUSED;
        runtime.updatedAt = now;
        runtimes.update(runtime);
    }

    void resumed(Runtime runtime, Instant now) {
        Sandbox sandbox = current(runtime);
        sandbox.run(now, DurableConfig.parse(runtime.config).timeout());
        sandboxes.update(sandbox);
        runtime.status = Runtime.RUNNING;
        runtime.updatedAt = now;
        runtimes.update(runtime);
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
        sandboxes.update(sandbox);
        if (runtime != null && sandbox.id.equals(runtime.currentSandboxId)) {
            runtime.currentSandboxId = null;
            runtime.status = Runtime.IDLE;
            runtime.updatedAt = now;
            runtimes.update(runtime);
        }
    }

    /** The runtime is deleted; its sandbox, if any, stays in the ledger, killed. */
    void deleted(Runtime runtime, Instant now) {
        if (runtime.currentSandboxId != null) {
            killed(runtime, now, "the runtime was deleted");
        }
        runtimes.delete(runtime.id);
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

    private Sandbox current(Runtime runtime) {
        return sandboxes.byId(runtime.currentSandboxId).orElseThrow();
    }
}
