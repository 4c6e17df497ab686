package dev.runtimes.contract;

import dev.runtimes.contract.harness.DatabaseFaults;
import dev.runtimes.contract.harness.PackagedServer;
import dev.runtimes.contract.harness.Target;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The suite against the packaged server ({@code quarkus-run.jar}, the artifact an operator
 * deploys) started as its own process with the production profile, on the test database; a
 * second one on the same database is the replica of the scenarios across replicas.
 */
class PackagedJarContractTest implements ContractSuite {
    private final String operatorToken = UUID.randomUUID().toString();
    private PackagedServer server;
    private PackagedServer replica;
    private Target target;

    @BeforeAll
    void startServers() {
        String jdbcUrl = LocalDatabase.jdbcUrl();
        Map<String, String> settings = Map.of(
                "quarkus.datasource.jdbc.url",
                jdbcUrl,
                "quarkus.datasource.username",
                LocalDatabase.USER,
                "quarkus.datasource.jdbc.additional-jdbc-properties.options",
                DatabaseFaults.DRIVER_OPTIONS,
                "runtimes.admin.token",
                operatorToken,
                // Events aged past the retention by a scenario go within a second.
                "runtimes.events.purge-interval",
                "1s",
                // The two servers share each key's quotas and the suite calls the first one: twice
                // the default quotas leave it the default's share (docs/operations.md, "Rate limits").
                "runtimes.rate-limit.requests",
                "200",
                "runtimes.rate-limit.lifecycle",
                "20",
                // No sandbox of the suite outlives it.
                "runtimes.provider.kill-at-shutdown",
                "true");
        server = start(settings, "server.log");
        // A second replica on the same database, for the scenarios across replicas.
        replica = start(settings, "replica.log");
        target = new Target("packaged jar", server.baseUrl(), operatorToken, LocalDatabase.faults(jdbcUrl), true)
                .withReplica(replica.baseUrl());
    }

    private static PackagedServer start(Map<String, String> settings, String log) {
        return PackagedServer.start(
                Path.of(System.getProperty("contract.server-jar")),
                settings,
                Path.of("target", "packaged-server", log));
    }

    @AfterAll
    void stopServers() {
        for (PackagedServer started : new PackagedServer[] {server, replica}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Override
    public Target target() {
        return target;
    }
}
