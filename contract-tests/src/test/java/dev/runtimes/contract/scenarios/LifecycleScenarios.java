package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static dev.runtimes.contract.scenarios.Tenants.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.Credentials;
import dev.runtimes.contract.harness.SandboxGate;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A runtime's life: create, get, update, delete, start, pause, resume, reset and keepalive. */
public interface LifecycleScenarios extends Scenarios {

    /** A new idle runtime of the tenant's owner, made over raw HTTP; its key. */
    default String runtimeOf(Tenants.Tenant tenant) {
        return send(Channel.RAW, createIn(tenant, unique("rt")))
                .hasStatus(201)
                .body()
                .path("key")
                .asText();
    }

    default Call createIn(Tenants.Tenant tenant, String key) {
        return Call.to("createRuntime")
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .as(tenant.owner().key())
                .body(object("key", key, "name", "Contract runtime", "labels", object()));
    }

    /** A call of the operation on the runtime, by the tenant's owner, with a body it accepts. */
    default Call on(String operationId, Tenants.Tenant tenant, String runtime) {
        Call call = Call.to(operationId)
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .path("runtime_id", runtime)
                .as(tenant.owner().key());
        return switch (operationId) {
            case "updateRuntime" -> call.body(object("name", "Renamed runtime", "labels", object("team", "contract")));
            case "startRuntime" -> call.body(object());
            case "keepaliveRuntime" -> call.body(object("extend_seconds", 600));
            default -> call;
        };
    }

    /** Every operation on one runtime, each with a body it accepts. */
    default List<Call> everyOperationOn(Tenants.Tenant tenant, String runtime) {
        return RUNTIME_OPERATIONS.stream().map(id -> on(id, tenant, runtime)).toList();
    }

    /** Every lifecycle call, the create first: a new key, then each operation on the runtime. */
    default List<Call> everyLifecycleCall(Tenants.Tenant tenant, String runtime) {
        List<Call> calls = new ArrayList<>();
        calls.add(createIn(tenant, unique("rt")));
        calls.addAll(everyOperationOn(tenant, runtime));
        return calls;
    }

    /** The operations on one runtime; the mutations are the owner's alone. */
    List<String> RUNTIME_OPERATIONS = List.of(
            "getRuntime",
            "updateRuntime",
            "deleteRuntime",
            "startRuntime",
            "pauseRuntime",
            "resumeRuntime",
            "resetRuntime",
            "keepaliveRuntime");

    @Scenario
    default void aRuntimeGoesThroughEveryTransitionAndRefusesTheWrongOnes(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = unique("rt");
        JsonNode created = send(channel, createIn(tenant, key)).hasStatus(201).body();
        assertThat(created.path("status").asText()).isEqualTo("idle");
        assertThat(created.path("instance").isNull())
                .as("instance of %s", created)
                .isTrue();
        String id = created.path("id").asText();
        assertThat(send(channel, createIn(tenant, key))
                        .hasStatus(200)
                        .body()
                        .path("id")
                        .asText())
                .as("the same key and configuration is the same runtime")
                .isEqualTo(id);
        assertThat(send(channel, on("getRuntime", tenant, id))
                        .hasStatus(200)
                        .body()
                        .path("key")
                        .asText())
                .isEqualTo(key);
        assertThat(send(channel, on("updateRuntime", tenant, key))
                        .hasStatus(200)
                        .body()
                        .path("name")
                        .asText())
                .isEqualTo("Renamed runtime");

        for (String refusedWhileIdle : List.of("pauseRuntime", "resumeRuntime", "resetRuntime", "keepaliveRuntime")) {
            send(channel, on(refusedWhileIdle, tenant, key)).isError(409, "conflict_error");
        }
        JsonNode started =
                send(channel, on("startRuntime", tenant, key)).hasStatus(200).body();
        assertThat(started.path("sandbox_token").asText()).isNotBlank();
        assertThat(started.path("runtime").path("status").asText()).isEqualTo("running");
        send(channel, on("startRuntime", tenant, key)).isError(409, "conflict_error");
        send(channel, on("resumeRuntime", tenant, key)).isError(409, "conflict_error");
        assertThat(send(channel, on("keepaliveRuntime", tenant, key))
                        .hasStatus(200)
                        .body()
                        .path("expires_at")
                        .asText())
                .isNotBlank();

        JsonNode paused =
                send(channel, on("pauseRuntime", tenant, key)).hasStatus(200).body();
        assertThat(paused.path("status").asText()).isEqualTo("paused");
        assertThat(paused.path("instance").path("pause_reason").asText()).isEqualTo("user");
        send(channel, on("pauseRuntime", tenant, key)).isError(409, "conflict_error");
        send(channel, on("keepaliveRuntime", tenant, key)).isError(409, "conflict_error");
        assertThat(send(channel, on("resumeRuntime", tenant, key))
                        .hasStatus(200)
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("running");

        JsonNode reset =
                send(channel, on("resetRuntime", tenant, key)).hasStatus(200).body();
        assertThat(reset.path("status").asText()).isEqualTo("idle");
        assertThat(reset.path("instance").isNull()).as("instance of %s", reset).isTrue();
        send(channel, on("deleteRuntime", tenant, key)).hasStatus(204);
        send(channel, on("getRuntime", tenant, key)).isError(404, "not_found_error");
    }

    @Scenario
    default void createRuntimeWithATakenKeyAndAnotherConfigurationIs409(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = runtimeOf(tenant);
        Call otherConfiguration = createIn(tenant, key)
                .body(object(
                        "key",
                        key,
                        "name",
                        "Contract runtime",
                        "labels",
                        object(),
                        "config",
                        object("version", "v2", "sandbox", object("timeout_seconds", 1800))));
        send(channel, otherConfiguration).isError(409, "already_exists_error");
    }

    @Scenario
    default void startAndResumeWithoutCreditsAre429(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = runtimeOf(tenant);
        send(Channel.RAW, on("startRuntime", tenant, key)).hasStatus(200);
        send(Channel.RAW, on("pauseRuntime", tenant, key)).hasStatus(200);
        tenants().creditBalance(tenant.org(), 0);

        send(channel, on("resumeRuntime", tenant, key)).isError(429, "insufficient_credits_error");
        send(Channel.RAW, on("resetRuntime", tenant, key)).hasStatus(200);
        send(channel, on("startRuntime", tenant, key)).isError(429, "insufficient_credits_error");
    }

    @Scenario
    default void deleteWhileAStartHoldsTheRuntimeIs409(Channel channel) {
        assumeTrue(target().localSandboxes(), "the suite cannot hold this target's sandboxes");
        Tenants.Tenant tenant = tenants().tenant();
        String key = unique("rt");
        try (SandboxGate gate = SandboxGate.create()) {
            Call slowToStart = createIn(tenant, key)
                    .body(object(
                            "key",
                            key,
                            "name",
                            "Contract runtime",
                            "labels",
                            object(),
                            "config",
                            object(
                                    "version",
                                    "v2",
                                    "runtime_server",
                                    object(
                                            "env",
                                            object(
                                                    gate.env().getKey(),
                                                    gate.env().getValue())))));
            send(Channel.RAW, slowToStart).hasStatus(201);
            SandboxGate.Answers answers = gate.hold(
                    () -> send(Channel.RAW, on("startRuntime", tenant, key)),
                    () -> send(channel, on("deleteRuntime", tenant, key)));
            assertThat(answers.during()
                            .isError(409, "conflict_error")
                            .body()
                            .path("detail")
                            .asText())
                    .contains("busy");
            answers.held().hasStatus(200);
        }
        send(channel, on("deleteRuntime", tenant, key)).hasStatus(204);
    }

    @Scenario
    default void lifecycleCallsWithoutValidCredentialsAre401(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = runtimeOf(tenant);
        for (Call call : everyLifecycleCall(tenant, key)) {
            send(channel, call.as(Credentials.NONE)).isError(401, "authentication_error");
            send(channel, call.as(Credentials.bearer("rtk_unknown"))).isError(401, "authentication_error");
        }
    }

    @Scenario
    default void lifecycleCallsWithAKeyRestrictedToAnotherWorkspaceAre403(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = runtimeOf(tenant);
        String elsewhere = tenants().workspace(tenant.org());
        Credentials restricted = Credentials.bearer(tenants()
                .key(tenant.owner().userId(), object("name", "ci", "org", tenant.org(), "workspace", elsewhere))
                .path("token")
                .asText());
        for (Call call : everyLifecycleCall(tenant, key)) {
            send(channel, call.as(restricted)).isError(403, "forbidden_error");
        }
    }

    @Scenario
    default void anotherMemberMayReadARuntimeButNotChangeIt(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = runtimeOf(tenant);
        Credentials member = tenants().member(tenant.org(), "member").key();
        for (Call call : everyOperationOn(tenant, key)) {
            Call byMember = call.as(member);
            if (call.operation().id().equals("getRuntime")) {
                assertThat(send(channel, byMember)
                                .hasStatus(200)
                                .body()
                                .path("owned_by_me")
                                .asBoolean(true))
                        .isFalse();
            } else {
                send(channel, byMember).isError(403, "forbidden_error");
            }
        }
    }

    @Scenario
    default void unknownRuntimesAndWorkspacesAre404(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        for (Call call : everyOperationOn(tenant, unique("missing"))) {
            send(channel, call).isError(404, "not_found_error");
        }
        send(channel, createIn(tenant, unique("rt")).path("workspace", unique("missing")))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void malformedRuntimeIdsAndBodiesAre422WithTheirLocation(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        for (Call call : everyOperationOn(tenant, "-not-an-id")) {
            send(channel, call).isValidationError("path", "runtime_id");
        }
        send(channel, createIn(tenant, "-not-a-key")).isValidationError("body", "key");
        String key = unique("rt");
        send(channel, on("updateRuntime", tenant, key).body(object("name", "", "labels", object())))
                .isValidationError("body", "name");
        send(channel, on("startRuntime", tenant, key).body(object("requested_runtime_limit_seconds", 30)))
                .isValidationError("body", "requested_runtime_limit_seconds");
        send(channel, on("keepaliveRuntime", tenant, key).body(object("extend_seconds", 30)))
                .isValidationError("body", "extend_seconds");
    }

    @Scenario
    default void integersBeyondTheirTypeAre422TooLarge(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = runtimeOf(tenant);
        BigInteger beyondInt32 = BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE);
        send(
                        channel,
                        on("keepaliveRuntime", tenant, key)
                                .body(object("extend_seconds", beyondInt32))
                                .verbatim())
                .hasProblem("too_large", "body", "extend_seconds");
        send(
                        channel,
                        on("startRuntime", tenant, key)
                                .body(object("requested_runtime_limit_seconds", beyondInt32))
                                .verbatim())
                .hasProblem("too_large", "body", "requested_runtime_limit_seconds");
        send(
                        channel,
                        on("startRuntime", tenant, key)
                                .body(object(
                                        "requested_runtime_limit_seconds",
                                        beyondInt32.negate().subtract(BigInteger.ONE)))
                                .verbatim())
                .hasProblem("too_small", "body", "requested_runtime_limit_seconds");
    }

    @Scenario
    default void updateRuntimeIsAMergePatch(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = unique("rt");
        send(
                        channel,
                        createIn(tenant, key)
                                .body(object(
                                        "key",
                                        key,
                                        "name",
                                        "Patched",
                                        "description",
                                        "Before",
                                        "labels",
                                        object("team", "ml"))))
                .hasStatus(201);

        JsonNode unchanged = send(channel, on("updateRuntime", tenant, key).body(object()))
                .hasStatus(200)
                .body();
        assertThat(unchanged.path("name").asText()).isEqualTo("Patched");
        assertThat(unchanged.path("description").asText()).isEqualTo("Before");
        assertThat(unchanged.path("labels")).isEqualTo(object("team", "ml"));

        JsonNode described = send(channel, on("updateRuntime", tenant, key).body(object("description", "After")))
                .hasStatus(200)
                .body();
        assertThat(described.path("description").asText()).isEqualTo("After");
        assertThat(described.path("name").asText()).isEqualTo("Patched");

        JsonNode cleared = send(
                        channel,
                        on("updateRuntime", tenant, key)
                                .body(object("description", null))
                                .verbatim())
                .hasStatus(200)
                .body();
        assertThat(cleared.path("description").isNull())
                .as("description of %s", cleared)
                .isTrue();
        assertThat(cleared.path("labels")).isEqualTo(object("team", "ml"));

        send(
                        channel,
                        on("updateRuntime", tenant, key)
                                .body(object("name", null))
                                .verbatim())
                .hasProblem("invalid_type", "body", "name");
    }
}
