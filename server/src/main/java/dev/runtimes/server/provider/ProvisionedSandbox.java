package dev.runtimes.server.provider;

/**
 * A sandbox a provider started.
 *
 * @param providerSandboxId the provider's own id of it
 * @param url where its runtime server answers
 */
public record ProvisionedSandbox(String providerSandboxId, String url) {}
