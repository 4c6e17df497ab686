package dev.runtimes.server;

import dev.runtimes.server.domain.SandboxCensus;
import dev.runtimes.server.provider.ConfiguredProvider;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sandboxes outlive the server by design (reconciliation adopts them at the next start); the
 * tests' sandboxes must not outlive the tests, whatever a failing test left behind.
 */
@ApplicationScoped
public class SandboxCleanup {
    private final ConfiguredProvider provider;
    private final SandboxCensus census;

    SandboxCleanup(ConfiguredProvider provider, SandboxCensus census) {
        this.provider = provider;
        this.census = census;
    }

    void killAll(@Observes ShutdownEvent event) {
        census.live(provider.kind()).forEach(sandbox -> provider.kill(sandbox.providerSandboxId()));
    }
}
