package dev.runtimes.contract;

import dev.runtimes.contract.harness.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The suite against a running deployment, e.g. staging:
 * {@code -Druntimes.contract.base-url=https://... -Druntimes.contract.token=<operator token>}.
 * The suite creates its own organizations, users and keys there. It cannot cause database
 * faults remotely, so its coverage table is printed but not enforced.
 */
@EnabledIfSystemProperty(named = "runtimes.contract.base-url", matches = ".+")
class RemoteContractTest implements ContractSuite {
    private final Target target = new Target(
            "remote",
            System.getProperty("runtimes.contract.base-url"),
            System.getProperty("runtimes.contract.token", ""),
            null);

    @Override
    public Target target() {
        return target;
    }

    @Override
    public boolean enforcesCoverage() {
        return false;
    }
}
