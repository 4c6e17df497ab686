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
 * deploys) started as its own process with the production profile, on the test database.
 */
class PackagedJarContractTest implements ContractSuite {
    private final String operatorToken = UUID.randomUUID().toString();
    private PackagedServer server;
    private Target target;

    @BeforeAll
    void startServer() {
        String jdbcUrl = LocalDatabase.jdbcUrl();
        server = PackagedServer.start(
                Path.of(System.getProperty("contract.server-jar")),
                Map.of(
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
                        "1s"),
                Path.of("target", "packaged-server", "server.log"));
        target = new Target("packaged jar", server.baseUrl(), operatorToken, LocalDatabase.faults(jdbcUrl), true);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public Target target() {
        return target;
    }
}
