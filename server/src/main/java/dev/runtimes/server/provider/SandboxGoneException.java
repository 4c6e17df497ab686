package dev.runtimes.server.provider;

/** The provider no longer has the sandbox: it ended without being asked to. */
public class SandboxGoneException extends ProviderException {
    public SandboxGoneException(String message, String providerSandboxId) {
        super(message, providerSandboxId, null);
    }
}
