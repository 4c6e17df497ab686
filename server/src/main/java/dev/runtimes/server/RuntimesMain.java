package dev.runtimes.server;

import dev.runtimes.server.provider.local.SandboxServer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.util.Arrays;

/**
 * The service's entry point. Started with {@value SandboxServer#ARGUMENT} as its first argument, it
 * is the local provider's built-in sandbox program instead: that is how a native executable, which
 * has no {@code java} to run the program with, runs its sandboxes (it starts itself).
 */
@QuarkusMain
public final class RuntimesMain {
    private RuntimesMain() {}

    public static void main(String... args) throws IOException {
        if (args.length > 0 && args[0].equals(SandboxServer.ARGUMENT)) {
            SandboxServer.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            Quarkus.run(RuntimesServer.class, args);
        }
    }
}
