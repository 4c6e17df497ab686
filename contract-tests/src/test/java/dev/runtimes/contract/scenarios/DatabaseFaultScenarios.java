package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static dev.runtimes.contract.scenarios.Tenants.unique;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.DatabaseFaults;
import dev.runtimes.contract.harness.Outcome;
import java.util.List;
import java.util.function.Supplier;

/**
 * Operations whose database fails under them: real faults caused from a second database session
 * (a lock the server's statements time out on, sessions ended by the database), wherever the
 * server meets them: its list query, authentication, a lifecycle transition or an operator
 * operation; 502 and 504. And the failures the server has no mapping for, its own 500: a row
 * holding a value a newer version wrote, a write a rule of the database refuses. Only for
 * targets whose database the suite can reach; after each fault the server must serve again. The
 * calls of one fault are sent side by side, so their timeouts overlap.
 */
public interface DatabaseFaultScenarios extends ListRuntimesScenarios, LifecycleScenarios {

    /** The tables every operator operation reads or writes first. */
    List<String> OPERATOR_TABLES = List.of("organizations", "users", "api_keys");

    /** The tables the operator operations write. */
    List<String> OPERATOR_WRITTEN_TABLES =
            List.of("organizations", "workspaces", "projects", "users", "memberships", "api_keys");

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

    @Scenario
    default void aStatementThatTimesOutWhileAuthenticatingIs504(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        String runtime = runtimeOf(tenant);
        // A key the server has not seen yet: one it knows is answered without reading api_keys.
        Tenants.Member unseen = tenants().member(tenant.org(), "member");
        database.whileLocked(
                        "api_keys",
                        () -> send(channel, on("getRuntime", tenant, runtime).as(unseen.key())))
                .isError(504, "gateway_timeout_error");
        send(channel, on("getRuntime", tenant, runtime)).hasStatus(200);
    }

    @Scenario
    default void everyLifecycleStatementThatTimesOutIs504(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        String runtime = runtimeOf(tenant);
        database.whileLocked(List.of("runtimes"), sending(channel, everyLifecycleCall(tenant, runtime)))
                .forEach(outcome -> outcome.isError(504, "gateway_timeout_error"));
        send(channel, on("getRuntime", tenant, runtime)).hasStatus(200);
    }

    @Scenario
    default void everyLifecycleSessionEndedMidStatementIs502(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        String runtime = runtimeOf(tenant);
        database.whileSessionsTerminated(List.of("runtimes"), sending(channel, everyLifecycleCall(tenant, runtime)))
                .forEach(outcome -> outcome.isError(502, "bad_gateway_error"));
        send(channel, on("getRuntime", tenant, runtime)).hasStatus(200);
    }

    @Scenario
    default void everyOperatorStatementThatTimesOutIs504(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        database.whileLocked(OPERATOR_TABLES, sending(channel, everyOperatorCall(tenant)))
                .forEach(outcome -> outcome.isError(504, "gateway_timeout_error"));
        tenants().user();
    }

    @Scenario
    default void everyOperatorSessionEndedMidStatementIs502(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        database.whileSessionsTerminated(OPERATOR_TABLES, sending(channel, everyOperatorCall(tenant)))
                .forEach(outcome -> outcome.isError(502, "bad_gateway_error"));
        tenants().user();
    }

    @Scenario
    default void aRuntimeStatusThisVersionDoesNotKnowIs500(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        String runtime = send(Channel.RAW, createIn(tenant, unique("rt")))
                .hasStatus(201)
                .body()
                .path("id")
                .asText();
        database.whileRowHolds(
                        "runtimes",
                        "status",
                        "hibernated",
                        runtime,
                        sending(channel, List.of(listOf(tenant), on("getRuntime", tenant, runtime))))
                .forEach(Outcome::isInternalError);
        send(channel, on("getRuntime", tenant, runtime)).hasStatus(200);
    }

    @Scenario
    default void everyLifecycleWriteTheDatabaseRefusesIs500(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        String idle = runtimeOf(tenant);
        String running = runtimeOf(tenant);
        String paused = runtimeOf(tenant);
        for (String started : List.of(running, paused)) {
            send(Channel.RAW, on("startRuntime", tenant, started)).hasStatus(200);
        }
        send(Channel.RAW, on("pauseRuntime", tenant, paused)).hasStatus(200);
        List<Call> calls = List.of(
                createIn(tenant, unique("rt")),
                on("updateRuntime", tenant, idle),
                on("deleteRuntime", tenant, idle),
                on("startRuntime", tenant, idle),
                on("pauseRuntime", tenant, running),
                on("keepaliveRuntime", tenant, running),
                on("resetRuntime", tenant, running),
                on("resumeRuntime", tenant, paused));
        database.whileWritesRefused(List.of("runtimes", "sandboxes"), sending(channel, calls))
                .forEach(Outcome::isInternalError);
        for (String started : List.of(running, paused)) {
            send(channel, on("resetRuntime", tenant, started)).hasStatus(200);
        }
    }

    @Scenario
    default void everyOperatorWriteTheDatabaseRefusesIs500(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        database.whileWritesRefused(OPERATOR_WRITTEN_TABLES, sending(channel, everyOperatorCall(tenant)))
                .forEach(Outcome::isInternalError);
        tenants().user();
    }

    /**
     * One call of each operator operation that would succeed in the tenant's organization, each
     * writing (the organization's member limit changes).
     */
    private List<Call> everyOperatorCall(Tenants.Tenant tenant) {
        return List.of(
                        Call.to("createOrganization").body(object("slug", unique("org"), "name", "Contract org")),
                        Call.to("updateOrganization").path("org", tenant.org()).body(object("member_limit", 7)),
                        Call.to("createWorkspace")
                                .path("org", tenant.org())
                                .body(object("slug", unique("ws"), "name", "Contract workspace")),
                        Call.to("createProject")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .body(object("key", unique("project"), "name", "Analytics")),
                        Call.to("createUser").body(object("name", unique("user"))),
                        Call.to("addMember")
                                .path("org", tenant.org())
                                .body(object("user_id", tenants().user(), "role", "member")),
                        Call.to("createApiKey")
                                .path("user_id", tenant.owner().userId())
                                .body(object("name", "contract")),
                        Call.to("revokeApiKey").path("key_id", tenant.owner().keyId()))
                .stream()
                .map(call -> call.as(target().operator()))
                .toList();
    }

    private List<Supplier<Outcome>> sending(Channel channel, List<Call> calls) {
        return calls.stream()
                .<Supplier<Outcome>>map(call -> () -> send(channel, call))
                .toList();
    }

    private DatabaseFaults database() {
        assumeTrue(target().database().isPresent(), "the suite cannot reach this target's database");
        return target().database().get();
    }
}
