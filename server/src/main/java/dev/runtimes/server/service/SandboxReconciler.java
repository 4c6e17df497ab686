package dev.runtimes.server.service;

import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.domain.SandboxCensus;
import dev.runtimes.server.domain.SandboxCensus.LiveSandbox;
import dev.runtimes.server.domain.Sandboxes;
import dev.runtimes.server.events.EventLog;
import dev.runtimes.server.events.EventType;
import dev.runtimes.server.provider.ConfiguredProvider;
import dev.runtimes.server.provider.SandboxStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Compares the sandboxes the ledger says are alive with what the provider has, at every server
 * start: a sandbox whose process is gone is recorded killed, with the reason, and its runtime
 * becomes idle; a sandbox in the other state than recorded is brought back to the recorded one.
 */
@ApplicationScoped
public class SandboxReconciler {
    private static final Logger LOG = Logger.getLogger(SandboxReconciler.class);

    private final ConfiguredProvider provider;
    private final RuntimeClaims claims;
    private final SandboxLedger ledger;
    private final SandboxCensus census;
    private final Runtimes runtimes;
    private final Sandboxes sandboxes;
    private final EventLog events;
    private final Clock clock;

    SandboxReconciler(
            ConfiguredProvider provider,
            RuntimeClaims claims,
            SandboxLedger ledger,
            SandboxCensus census,
            Runtimes runtimes,
            Sandboxes sandboxes,
            EventLog events,
            Clock clock) {
        this.provider = provider;
        this.claims = claims;
        this.ledger = ledger;
        this.census = census;
        this.runtimes = runtimes;
        this.sandboxes = sandboxes;
        this.events = events;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        reconcile();
    }

    /** Reconciles every live sandbox of the configured provider; returns how many were gone. */
    public int reconcile() {
        List<LiveSandbox> live = census.live(provider.kind());
        int gone = 0;
        for (LiveSandbox sandbox : live) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> reconcile(sandbox))) {
                    gone++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not reconcile sandbox %s; it is left as recorded", sandbox.id());
            }
        }
        LOG.infof("Reconciled %d live sandboxes with provider '%s': %d gone", live.size(), provider.kind(), gone);
        return gone;
    }

    /**
     * Whether the sandbox was gone. Locks its runtime first and reads the sandbox after, so no
     * transition runs meanwhile and the state read is current.
     */
    private boolean reconcile(LiveSandbox live) {
        Runtime runtime = runtimes.byId(live.runtimeId(), true).orElse(null);
        Instant now = clock.instant();
        if (runtime != null && claims.held(runtime, now)) {
            // A transition is under way; it records what it does.
            return false;
        }
        Sandbox sandbox = sandboxes.byId(live.id()).orElseThrow();
        if (Sandbox.KILLED.equals(sandbox.state)) {
            return false;
        }
        SandboxStatus status = provider.inspect(sandbox.providerSandboxId);
        if (status == SandboxStatus.GONE) {
            String reason = "the sandbox process was gone when the server reconciled its sandboxes (recorded "
                    + sandbox.state + ")";
            boolean current = runtime != null && sandbox.id.equals(runtime.currentSandboxId);
            ledger.killed(runtime, sandbox, now, reason);
            if (current) {
                events.record(EventType.SANDBOX_KILLED, runtime, EventLog.SYSTEM, now);
            }
            LOG.infof("Sandbox %s of runtime %s recorded killed: %s", sandbox.id, sandbox.runtimeId, reason);
            return true;
        }
        if (status == SandboxStatus.PAUSED && Sandbox.RUNNING.equals(sandbox.state)) {
            provider.resume(sandbox.providerSandboxId);
        } else if (status == SandboxStatus.RUNNING && Sandbox.PAUSED.equals(sandbox.state)) {
            provider.pause(sandbox.providerSandboxId);
        }
        return false;
    }
}
