package dev.runtimes.server;

import dev.runtimes.server.tenancy.Bootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * The server, as {@link RuntimesMain} runs it. It runs once Quarkus has started and said so, so
 * that the bootstrap key (or the fact that the chosen one is active) is the last line of a start.
 */
public class RuntimesServer implements QuarkusApplication {
    @Inject
    Bootstrap bootstrap;

    @Override
    public int run(String... args) {
        bootstrap.announce();
        Quarkus.waitForExit();
        return 0;
    }
}
