package dev.runtimes.server.provider;

/** What a provider says a sandbox is doing. */
public enum SandboxStatus {
    RUNNING,
    PAUSED,
    GONE
}
