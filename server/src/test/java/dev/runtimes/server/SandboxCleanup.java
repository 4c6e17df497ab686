package dev.runtimes.server;

import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.provider.ConfiguredProvider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Sandboxes outlive the server by design (reconciliation adopts them at the next start); the
 * tests' sandboxes must not outlive the tests, whatever a failing test left behind.
 */
@ApplicationScoped
public class SandboxCleanup {
    private final ConfiguredProvider provider;

    SandboxCleanup(ConfiguredProvider provider) {
        this.provider = provider;
    }

    void killAll(@Observes ShutdownEvent event) {
        List<String> live = QuarkusTransaction.requiringNew()
                .call(() -> Sandbox.live(provider.kind()).stream()
                        .map(sandbox -> sandbox.providerSandboxId)
                        .toList());
        live.forEach(provider::kill);
    }
}
