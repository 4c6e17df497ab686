package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.SandboxCensus;
import dev.runtimes.server.provider.ConfiguredProvider;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Kills the provider's live sandboxes when the server stops, where {@code runtimes.provider.kill-at-shutdown} asks for it. */
@ApplicationScoped
public class ShutdownKill {
    private final ConfiguredProvider provider;
    private final SandboxCensus census;
    private final boolean enabled;

    ShutdownKill(ConfiguredProvider provider, SandboxCensus census, RuntimesConfig config) {
        this.provider = provider;
        this.census = census;
        this.enabled = config.provider().killAtShutdown();
    }

    void killAll(@Observes ShutdownEvent event) {
        if (enabled) {
            census.live(provider.kind()).forEach(sandbox -> provider.kill(sandbox.providerSandboxId()));
        }
    }
}
