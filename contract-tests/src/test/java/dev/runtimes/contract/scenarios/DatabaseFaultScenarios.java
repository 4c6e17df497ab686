package dev.runtimes.contract.scenarios;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.DatabaseFaults;

/**
 * The list when its database fails under it: real faults caused from a second database session
 * (a lock the server's statement times out on, a session ended by the database). Only for
 * targets whose database the suite can reach; after each fault the server must serve again.
 */
public interface DatabaseFaultScenarios extends ListRuntimesScenarios {

    @Scenario
    default void aListStatementThatTimesOutIs504(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        database.whileLocked("runtimes", () -> send(channel, listOf(tenant))).isError(504, "gateway_timeout_error");
        send(channel, listOf(tenant)).hasStatus(200);
    }

    @Scenario
    default void aDatabaseSessionEndedMidStatementIs502(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        database.whileSessionTerminated("runtimes", () -> send(channel, listOf(tenant)))
                .isError(502, "bad_gateway_error");
        send(channel, listOf(tenant)).hasStatus(200);
    }

    private DatabaseFaults database() {
        assumeTrue(target().database().isPresent(), "the suite cannot reach this target's database");
        return target().database().get();
    }
}
