package dev.runtimes.server.provider.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/**
 * Many sandbox processes at little cost, for tests that need a thousand: {@code sleep}, started
 * in a process group of its own as the local provider starts a sandbox, and named by the
 * provider's id, so the provider pauses, resumes, inspects and kills it as any of its sandboxes.
 * It serves no HTTP, which only provisioning checks.
 */
public final class SleepingSandboxes {
    private static final ProcessSignals SIGNALS = new ProcessSignals();

    private SleepingSandboxes() {}

    /** A new sleeping process; its local provider id. */
    public static String start() {
        try {
            Process process = new ProcessBuilder(SIGNALS.leading(List.of("sleep", "900")))
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.DISCARD)
                    .start();
            return LocalSandboxId.of(process.toHandle()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the process behind the provider's back; it is gone when this returns. */
    public static void end(String providerSandboxId) {
        LocalSandboxId.parse(providerSandboxId).flatMap(LocalSandboxId::process).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }
}
