package dev.runtimes.server.service;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Ledger;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.SandboxProcesses;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.domain.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation, as it runs at every server start: sandbox processes that ended behind the
 * server's back are recorded killed with the reason; the others are put back in their recorded state.
 */
@QuarkusTest
class SandboxReconcilerTest {
    @Inject
    Tenants tenants;

    @Inject
    SandboxReconciler reconciler;

    RuntimeApi api;

    @BeforeEach
    void createTenant() {
        Tenant tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @Test
    void sandboxesWhoseProcessIsGoneAreRecordedKilledWithTheReason() {
        String running = api.createIdle("was-running");
        JsonPath runningStart = api.started(running);
        String paused = api.createIdle("was-paused");
        JsonPath pausedStart = api.started(paused);
        api.pause(paused).then().statusCode(200);
        String survivor = api.createIdle("survivor");
        long survivorPid = pid(api.started(survivor).getString("runtime.instance.provider_sandbox_id"));
        SandboxProcesses.killBehindTheServersBack(pid(runningStart.getString("runtime.instance.provider_sandbox_id")));
        SandboxProcesses.killBehindTheServersBack(pid(pausedStart.getString("runtime.instance.provider_sandbox_id")));

        assertThat(reconciler.reconcile()).isEqualTo(2);

        api.get(running).then().statusCode(200).body("status", is("idle")).body("instance", nullValue());
        api.get(paused).then().statusCode(200).body("status", is("idle")).body("instance", nullValue());
        Sandbox wasRunning = Ledger.sandbox(runningStart.getString("runtime.instance.sandbox_id"));
        assertThat(wasRunning.state).isEqualTo("killed");
        assertThat(wasRunning.killedAt).isNotNull();
        assertThat(wasRunning.killReason)
                .isEqualTo("the sandbox process was gone when the server reconciled its sandboxes (recorded running)");
        assertThat(Ledger.sandbox(pausedStart.getString("runtime.instance.sandbox_id")).killReason)
                .isEqualTo("the sandbox process was gone when the server reconciled its sandboxes (recorded paused)");
        api.get(survivor).then().body("status", is("running"));
        assertThat(state(survivorPid)).isIn('S', 'R');
        api.reset(survivor).then().statusCode(200);
    }

    @Test
    void aSandboxStoppedBehindTheServersBackIsContinued() {
        String id = api.createIdle("stopped-behind");
        long pid = pid(api.started(id).getString("runtime.instance.provider_sandbox_id"));
        SandboxProcesses.signal(pid, "STOP");
        awaitTrue(() -> state(pid) == 'T', "the process to stop");

        assertThat(reconciler.reconcile()).isZero();

        assertThat(state(pid)).isIn('S', 'R');
        api.get(id).then().body("status", is("running"));
        api.reset(id).then().statusCode(200);
    }
}
