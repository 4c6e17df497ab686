package dev.runtimes.server.provider;

/** A provider call failed. The message says why, for people, and names no internals. */
public class ProviderException extends RuntimeException {
    private final String providerSandboxId;

    public ProviderException(String message) {
        this(message, null, null);
    }

    /**
     * @param providerSandboxId the provider's id of a sandbox it created before failing (and has
     *     cleaned up), or {@code null}
     */
    public ProviderException(String message, String providerSandboxId, Throwable cause) {
        super(message, cause);
        this.providerSandboxId = providerSandboxId;
    }

    /** The provider's id of the sandbox the failed call concerned, when there was one. */
    public String providerSandboxId() {
        return providerSandboxId;
    }
}
