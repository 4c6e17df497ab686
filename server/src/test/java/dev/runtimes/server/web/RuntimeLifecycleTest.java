package dev.runtimes.server.web;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static dev.runtimes.server.SandboxProcesses.gone;
import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Ledger;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.SandboxProcesses;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.tenancy.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every transition of a runtime against real sandbox processes of the local provider: the answer,
 * the ledger and the process state the operating system reports agree at each step.
 */
@QuarkusTest
class RuntimeLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void tenantAtAFixedMoment() {
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
        clock.set(T0);
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void startRunsAProcessThatAnswersOnlyWithTheSandboxToken() {
        String id = api.create("{\"key\":\"web\",\"name\":\"Web\","
                        + "\"config\":{\"runtime_server\":{\"env\":{\"GREETING\":\"hello\"}}}}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");

        JsonPath started = api.started(id);

        assertThat(started.getString("runtime.status")).isEqualTo("running");
        assertThat(started.getString("runtime.instance.state")).isEqualTo("running");
        assertThat(started.getString("runtime.instance.provider")).isEqualTo("local");
        assertThat(started.getString("runtime.instance.created_at")).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(started.getString("runtime.instance.expires_at")).isEqualTo("2026-11-29T11:00:00Z");
        assertThat(started.getLong("runtime.instance.total_runtime_seconds")).isZero();
        // No limit asked for, none set for the organization or as the platform's default: the maximum.
        assertThat(started.getLong("runtime.instance.actual_runtime_limit_seconds"))
                .isEqualTo(86400);
        String url = started.getString("runtime.instance.sandbox_url");
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
        String token = started.getString("sandbox_token");
        assertThat(token).startsWith("sbx_");

        long pid = pid(started.getString("runtime.instance.provider_sandbox_id"));
        assertThat(state(pid)).isIn('S', 'R');
        assertThat(SandboxProcesses.processGroup(pid))
                .as("a process group of its own")
                .isEqualTo(pid);
        given().get(url + "/anything").then().statusCode(401);
        given().header("Authorization", "Bearer " + token)
                .get(url + "/")
                .then()
                .statusCode(200)
                .body("sandbox_id", is(started.getString("runtime.instance.sandbox_id")))
                .body("env.GREETING", is("hello"))
                .body("env.PATH", nullValue());

        Sandbox row = Ledger.sandbox(started.getString("runtime.instance.sandbox_id"));
        assertThat(row.tokenHash).isEqualTo(Tokens.hash(token)).isNotEqualTo(token);
        api.reset(id).then().statusCode(200);
    }

    @Test
    void pauseStopsTheProcessAndResumeContinuesIt() {
        String id = api.createIdle("pausable");
        long pid = pid(api.started(id).getString("runtime.instance.provider_sandbox_id"));

        clock.advance(Duration.ofSeconds(100));
        JsonPath paused = api.pause(id).then().statusCode(200).extract().jsonPath();
        assertThat(paused.getString("status")).isEqualTo("paused");
        assertThat(paused.getString("instance.state")).isEqualTo("paused");
        assertThat(paused.getString("instance.pause_reason")).isEqualTo("user");
        assertThat(paused.getString("instance.expires_at")).isNull();
        assertThat(paused.getString("instance.sandbox_url")).isNull();
        assertThat(paused.getLong("instance.total_runtime_seconds")).isEqualTo(100);
        assertThat(state(pid)).as("/proc state of a paused sandbox").isEqualTo('T');

        clock.advance(Duration.ofSeconds(50));
        assertThat(api.get(id).jsonPath().getLong("instance.total_runtime_seconds"))
                .as("paused time does not count")
                .isEqualTo(100);

        JsonPath resumed = api.resume(id).then().statusCode(200).extract().jsonPath();
        assertThat(resumed.getString("status")).isEqualTo("running");
        assertThat(resumed.getString("instance.pause_reason")).isNull();
        assertThat(resumed.getString("instance.sandbox_url")).startsWith("http://127.0.0.1:");
        assertThat(OffsetDateTime.parse(resumed.getString("instance.expires_at"))
                        .toInstant())
                .isEqualTo(T0.plusSeconds(150 + 3600));
        assertThat(state(pid)).as("/proc state of a resumed sandbox").isIn('S', 'R');

        clock.advance(Duration.ofSeconds(10));
        assertThat(api.get(id).jsonPath().getLong("instance.total_runtime_seconds"))
                .isEqualTo(110);
        api.reset(id).then().statusCode(200);
    }

    @Test
    void resetKillsTheProcessAndKeepsTheSandboxInTheLedger() {
        String id = api.createIdle("resettable");
        JsonPath started = api.started(id);
        long pid = pid(started.getString("runtime.instance.provider_sandbox_id"));
        api.pause(id).then().statusCode(200);
        clock.advance(Duration.ofSeconds(5));

        api.reset(id).then().statusCode(200).body("status", is("idle")).body("instance", nullValue());

        awaitTrue(() -> gone(pid), "the sandbox process to end");
        Sandbox row = Ledger.sandbox(started.getString("runtime.instance.sandbox_id"));
        assertThat(row.state).isEqualTo("killed");
        assertThat(row.killedAt).isEqualTo(T0.plusSeconds(5));
        assertThat(row.killReason).isEqualTo("reset on request");
        assertThat(row.runningSince).isNull();
        assertThat(row.expiresAt).isNull();
        assertThat(api.started(id).getString("runtime.instance.sandbox_id"))
                .as("the next start provisions a new sandbox")
                .isNotEqualTo(row.id.toString());
        assertThat(Ledger.sandboxesOf(id)).hasSize(2);
        api.reset(id).then().statusCode(200);
    }

    @Test
    void everyRefusedTransitionIs409WithItsReason() {
        String id = api.createIdle("strict");
        refused(api.pause(id), "Runtime 'strict' cannot be paused while it is idle.");
        refused(api.resume(id), "Runtime 'strict' cannot be resumed while it is idle.");
        refused(api.reset(id), "Runtime 'strict' cannot be reset while it is idle.");
        refused(api.keepalive(id, 60), "Runtime 'strict' cannot be kept alive while it is idle.");

        api.started(id);
        refused(api.start(id), "Runtime 'strict' cannot be started while it is running.");
        refused(api.resume(id), "Runtime 'strict' cannot be resumed while it is running.");

        api.pause(id).then().statusCode(200);
        refused(api.start(id), "Runtime 'strict' cannot be started while it is paused.");
        refused(api.pause(id), "Runtime 'strict' cannot be paused while it is paused.");
        refused(api.keepalive(id, 60), "Runtime 'strict' cannot be kept alive while it is paused.");

        assertThat(Ledger.sandboxesOf(id)).hasSize(1);
        api.reset(id).then().statusCode(200);
    }

    @Test
    void keepalivePushesExpiryButNotPastTheRuntimeLimit() {
        String id = api.create("{\"key\":\"kept\",\"name\":\"Kept\",\"config\":{\"sandbox\":{\"timeout_seconds\":60}}}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        JsonPath started = api.start(id, "{\"requested_runtime_limit_seconds\":300}")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(started.getLong("runtime.instance.actual_runtime_limit_seconds"))
                .isEqualTo(300);
        assertThat(started.getString("runtime.instance.expires_at")).isEqualTo("2026-11-29T10:01:00Z");

        api.keepalive(id, 120).then().statusCode(200).body("expires_at", is("2026-11-29T10:03:00Z"));
        clock.advance(Duration.ofSeconds(200));
        api.keepalive(id, 60).then().statusCode(200).body("expires_at", is("2026-11-29T10:04:20Z"));
        api.keepalive(id, 3600)
                .then()
                .statusCode(200)
                .body("expires_at", is("2026-11-29T10:05:00Z"))
                .body("size()", is(1));
        api.reset(id).then().statusCode(200);
    }

    @Test
    void pausedTimeMovesTheLimitAndAUsedUpLimitRefusesResume() {
        String id = api.createIdle("limited");
        api.start(id, "{\"requested_runtime_limit_seconds\":60}").then().statusCode(200);
        clock.advance(Duration.ofSeconds(40));
        api.pause(id).then().statusCode(200);
        clock.advance(Duration.ofSeconds(1000));
        api.resume(id)
                .then()
                .statusCode(200)
                .body("instance.expires_at", is("2026-11-29T10:17:40Z"))
                .body("instance.total_runtime_seconds", is(40));
        clock.advance(Duration.ofSeconds(20));
        api.pause(id).then().statusCode(200);
        refused(
                api.resume(id),
                "Runtime 'limited' cannot be resumed: its sandbox has used its runtime limit of 60 seconds;"
                        + " reset it to start afresh.");
        api.reset(id).then().statusCode(200);
    }

    @Test
    void aSandboxGoneBehindTheServersBackIsRecordedKilledOnTheNextPause() {
        String id = api.createIdle("vanishing");
        JsonPath started = api.started(id);
        SandboxProcesses.killBehindTheServersBack(pid(started.getString("runtime.instance.provider_sandbox_id")));

        api.pause(id)
                .then()
                .statusCode(502)
                .body("type", is("bad_gateway_error"))
                .body(
                        "detail",
                        is("The sandbox of runtime 'vanishing' is gone: the sandbox process no longer exists;"
                                + " the sandbox is recorded as killed and the runtime is idle."));

        api.get(id).then().statusCode(200).body("status", is("idle")).body("instance", nullValue());
        Sandbox row = Ledger.sandbox(started.getString("runtime.instance.sandbox_id"));
        assertThat(row.state).isEqualTo("killed");
        assertThat(row.killReason).isEqualTo("gone when a pause was attempted: the sandbox process no longer exists");
    }

    @Test
    void deleteKillsTheSandboxAndKeepsItsLedgerRow() {
        String id = api.createIdle("doomed");
        JsonPath started = api.started(id);
        long pid = pid(started.getString("runtime.instance.provider_sandbox_id"));

        api.delete(id).then().statusCode(204);

        api.get(id).then().statusCode(404).body("type", is("not_found_error"));
        awaitTrue(() -> gone(pid), "the sandbox process to end");
        Sandbox row = Ledger.sandbox(started.getString("runtime.instance.sandbox_id"));
        assertThat(row.state).isEqualTo("killed");
        assertThat(row.killReason).isEqualTo("the runtime was deleted");
        api.delete(api.createIdle("idle-doomed")).then().statusCode(204);
    }

    private static void refused(io.restassured.response.Response response, String detail) {
        response.then()
                .statusCode(409)
                .body("code", is(409))
                .body("type", is("conflict_error"))
                .body("detail", is(detail))
                .body("errors", nullValue());
    }
}
