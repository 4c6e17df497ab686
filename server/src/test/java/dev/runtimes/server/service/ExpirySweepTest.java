package dev.runtimes.server.service;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.provider.ConfiguredProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pause sweep and expiry under the injected clock: a sandbox runs until its {@code expires_at}
 * and is paused by the first sweep after it; a keepalive and the sweep agree on one outcome.
 */
@QuarkusTest
class ExpirySweepTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    PauseSweep sweep;

    @Inject
    RuntimeClaims claims;

    @Inject
    LifecycleService lifecycle;

    @Inject
    ConfiguredProvider provider;

    Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void tenantAtAFixedMoment() {
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
        clock.set(T0);
        // Sandboxes other tests left running are long expired at T0: they go first.
        sweep.sweep();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private String startedWithTimeout(String key, int timeoutSeconds) {
        String id = api.create("{\"key\":\"" + key + "\",\"name\":\"R\",\"config\":{\"sandbox\":{\"timeout_seconds\":"
                        + timeoutSeconds + "}}}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        JsonPath started = api.started(id);
        assertThat(started.getString("runtime.instance.expires_at"))
                .isEqualTo(T0.plusSeconds(timeoutSeconds).toString());
        return id;
    }

    private JsonPath runtime(String id) {
        return api.get(id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSandboxRunsUntilItsExpiryAndTheNextSweepPausesIt() {
        String id = startedWithTimeout("expiring", 60);
        long pid = pid(runtime(id).getString("instance.provider_sandbox_id"));

        clock.set(T0.plusSeconds(59));
        sweep.sweep();
        assertThat(runtime(id).getString("status")).isEqualTo("running");

        clock.set(T0.plusSeconds(60));
        assertThat(sweep.sweep()).isEqualTo(1);
        JsonPath paused = runtime(id);
        assertThat(paused.getString("status")).isEqualTo("paused");
        assertThat(paused.getString("instance.pause_reason")).isEqualTo("timeout");
        assertThat(paused.getString("instance.expires_at")).isNull();
        assertThat(paused.getLong("instance.total_runtime_seconds")).isEqualTo(60);
        awaitTrue(() -> state(pid) == 'T', "the sandbox process to be stopped");

        assertThat(sweep.sweep()).isZero();
        api.resume(id)
                .then()
                .statusCode(200)
                .body("instance.expires_at", is(T0.plusSeconds(120).toString()));
        api.reset(id).then().statusCode(200);
    }

    @Test
    void theRuntimeLimitEndsTheRunBeforeTheTimeout() {
        String id = api.createIdle("capped");
        api.start(id, "{\"requested_runtime_limit_seconds\":90}")
                .then()
                .statusCode(200)
                .body("runtime.instance.expires_at", is(T0.plusSeconds(90).toString()));
        api.keepalive(id, 3600)
                .then()
                .statusCode(200)
                .body("expires_at", is(T0.plusSeconds(90).toString()));

        clock.set(T0.plusSeconds(90));
        sweep.sweep();
        assertThat(runtime(id).getString("instance.pause_reason")).isEqualTo("timeout");
        api.resume(id).then().statusCode(409);
        api.reset(id).then().statusCode(200);
    }

    @Test
    void aKeepaliveThatCommitsFirstKeepsTheSandboxRunning() {
        String id = startedWithTimeout("kept", 60);
        clock.set(T0.plusSeconds(70));
        // Past expires_at but not yet swept: the keepalive counts from now.
        api.keepalive(id, 120)
                .then()
                .statusCode(200)
                .body("expires_at", is(T0.plusSeconds(190).toString()));

        sweep.sweep();
        assertThat(runtime(id).getString("status")).isEqualTo("running");
        api.reset(id).then().statusCode(200);
    }

    @Test
    void aSweepThatClaimedFirstWinsOverTheKeepalive() {
        String id = startedWithTimeout("swept", 60);
        clock.set(T0.plusSeconds(61));
        List<Claim> claimed =
                claims.claimForAutoPause(AutoPause.TIMEOUT, null, 100).claims();
        assertThat(claimed).extracting(Claim::runtimeId).containsExactly(UUID.fromString(id));

        api.keepalive(id, 600)
                .then()
                .statusCode(409)
                .body("detail", is("Runtime 'swept' is busy: a pause is in progress; try again when it has finished."));
        lifecycle.autoPause(claimed.get(0), AutoPause.TIMEOUT);

        assertThat(runtime(id).getString("instance.pause_reason")).isEqualTo("timeout");
        api.keepalive(id, 600)
                .then()
                .statusCode(409)
                .body("detail", is("Runtime 'swept' cannot be kept alive while it is paused."));
        api.reset(id).then().statusCode(200);
    }

    @Test
    void aRuntimeAnotherTransitionHoldsIsLeftToThatTransition() {
        String id = startedWithTimeout("held", 60);
        clock.set(T0.plusSeconds(61));
        List<Claim> first =
                claims.claimForAutoPause(AutoPause.TIMEOUT, null, 100).claims();
        assertThat(first).hasSize(1);

        assertThat(claims.claimForAutoPause(AutoPause.TIMEOUT, null, 100).claims())
                .isEmpty();
        lifecycle.autoPause(first.get(0), AutoPause.TIMEOUT);
        assertThat(runtime(id).getString("status")).isEqualTo("paused");
        api.reset(id).then().statusCode(200);
    }

    @Test
    void aClaimLeftByASweepThatStoppedIsTakenOverOnceStale() {
        String id = startedWithTimeout("orphaned", 60);
        clock.set(T0.plusSeconds(61));
        // A replica claims the runtime and stops before it pauses the sandbox.
        assertThat(claims.claimForAutoPause(AutoPause.TIMEOUT, null, 100).claims())
                .hasSize(1);

        // Three times the provider timeout later, any replica's sweep takes the claim over.
        clock.set(T0.plusSeconds(61).plus(provider.timeout().multipliedBy(3)).plusSeconds(1));
        List<Claim> takenOver =
                claims.claimForAutoPause(AutoPause.TIMEOUT, null, 100).claims();
        assertThat(takenOver).extracting(Claim::runtimeId).containsExactly(UUID.fromString(id));
        lifecycle.autoPause(takenOver.get(0), AutoPause.TIMEOUT);
        assertThat(runtime(id).getString("status")).isEqualTo("paused");
        api.reset(id).then().statusCode(200);
    }
}
