package dev.runtimes.server.provider;

/**
 * Runs sandboxes. One implementation per kind of compute (a local process, a container, a
 * hosted sandbox); the setting {@code runtimes.provider.kind} chooses which one serves by its
 * {@code @Identifier}, so adding one is a new bean, e.g. {@code @Identifier("docker")}, and nothing
 * else.
 *
 * <p>Every method may block; {@link ConfiguredProvider} bounds each call by the configured timeout
 * and interrupts a call that overruns, so an implementation must give up when interrupted and
 * leave nothing behind. Failures are {@link ProviderException}s; a sandbox that no longer exists is
 * a {@link SandboxGoneException}.
 */
public interface SandboxProvider {

    /** A new running sandbox, answering at its URL when this returns. */
    ProvisionedSandbox provision(SandboxSpec spec);

    /** Stops the sandbox where it is; it keeps its state. */
    void pause(String providerSandboxId);

    /** Continues a paused sandbox where it stopped. */
    void resume(String providerSandboxId);

    /** Ends the sandbox for good. A sandbox that is already gone is not an error. */
    void kill(String providerSandboxId);

    /** What the sandbox is doing now. */
    SandboxStatus inspect(String providerSandboxId);
}
