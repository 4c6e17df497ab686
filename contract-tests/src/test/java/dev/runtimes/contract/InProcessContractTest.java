package dev.runtimes.contract;

import dev.runtimes.contract.harness.Target;
import dev.runtimes.server.events.EventRetention;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The suite against the server booted in this JVM from its jar, on the test database. The
 * server's connections carry a statement timeout (this module's pom), as in production.
 */
@QuarkusTest
class InProcessContractTest implements ContractSuite {
    @TestHTTPResource("/")
    URL root;

    /** The server's purge of old events: its scheduler is halted in the test profile. */
    @Inject
    EventRetention retention;

    private Target target;

    @Override
    public Target target() {
        if (target == null) {
            var config = ConfigProvider.getConfig();
            target = new Target(
                            "in-process",
                            root.toString(),
                            config.getValue("runtimes.admin.token", String.class),
                            LocalDatabase.faults(config.getValue("quarkus.datasource.jdbc.url", String.class)),
                            true)
                    .purgingEventsWith(retention::purge);
        }
        return target;
    }
}
