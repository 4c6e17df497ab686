package dev.runtimes.server.web;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Ledger;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.domain.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that fails, configured the way a real one is: the local provider with a sandbox
 * command that exits at once or never listens, chosen by the runtime's own environment.
 */
@QuarkusTest
@TestProfile(ProviderFailureTest.BrokenSandboxCommand.class)
class ProviderFailureTest {

    public static class BrokenSandboxCommand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "runtimes.provider.local.command",
                    "if [ \"$BEHAVIOUR\" = hang ]; then exec sleep 60; fi; echo refusing >&2; exit 3",
                    "runtimes.provider.timeout",
                    "2s",
                    "runtimes.provider.local.kill-grace",
                    "1s");
        }
    }

    @Inject
    Tenants tenants;

    RuntimeApi api;

    @BeforeEach
    void createTenant() {
        Tenant tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @Test
    void aSandboxThatExitsAtOnceIs502AndTheRuntimeStaysIdle() {
        String id = runtimeWithBehaviour("crashing", "exit");

        for (int attempt = 0; attempt < 2; attempt++) {
            api.start(id)
                    .then()
                    .statusCode(502)
                    .body("code", is(502))
                    .body("type", is("bad_gateway_error"))
                    .body(
                            "detail",
                            is("The sandbox provider 'local' failed to start a sandbox for runtime 'crashing': the"
                                    + " sandbox process exited with code 3 before it listened on its port; the"
                                    + " runtime stays idle."))
                    .body("errors", nullValue());
        }

        api.get(id).then().statusCode(200).body("status", is("idle")).body("instance", nullValue());
        List<Sandbox> ledger = Ledger.sandboxesOf(id);
        assertThat(ledger).as("each failed start is in the ledger").hasSize(2);
        assertThat(ledger).allSatisfy(sandbox -> {
            assertThat(sandbox.state).isEqualTo("killed");
            assertThat(sandbox.providerSandboxId).matches("local-\\d+-\\d+");
            assertThat(sandbox.killReason)
                    .isEqualTo("start failed: the sandbox process exited with code 3 before it listened on its port");
        });
    }

    @Test
    void aSandboxThatNeverListensIs504AndNothingIsLeftRunning() {
        String id = runtimeWithBehaviour("hanging", "hang");

        api.start(id)
                .then()
                .statusCode(504)
                .body("code", is(504))
                .body("type", is("gateway_timeout_error"))
                .body(
                        "detail",
                        is("The sandbox provider 'local' did not start a sandbox for runtime 'hanging' within 2"
                                + " seconds; the runtime stays idle."))
                .body("errors", nullValue());

        api.get(id).then().statusCode(200).body("status", is("idle")).body("instance", nullValue());
        Sandbox failed = Ledger.sandboxesOf(id).get(0);
        assertThat(failed.state).isEqualTo("killed");
        assertThat(failed.killReason).isEqualTo("start timed out: no answer within 2 seconds");
        awaitTrue(
                () -> ProcessHandle.current()
                        .descendants()
                        .noneMatch(p -> p.info().command().orElse("").endsWith("sleep")),
                "the abandoned sandbox process to be killed");
        api.start(id).then().statusCode(504);
    }

    private String runtimeWithBehaviour(String key, String behaviour) {
        return api.create("{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"config\":{\"runtime_server\":{\"env\":"
                        + "{\"BEHAVIOUR\":\"" + behaviour + "\"}}}}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }
}
