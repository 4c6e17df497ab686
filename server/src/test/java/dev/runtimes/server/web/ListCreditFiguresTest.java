package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Ledger;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live figures the list shows for a sandbox that runs, pauses, runs again and is killed,
 * read at moments set by the injected clock (the rate is the default 0.0552 credits a second).
 */
@QuarkusTest
class ListCreditFiguresTest {
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

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

    private JsonPath listedInstance() {
        JsonPath page =
                api.request().get(api.path("")).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        return page.setRootPath("items[0].instance");
    }

    @Test
    void runningPausedAndKilledSandboxesShowTheirFigures() {
        String id = api.createIdle("metered");
        api.started(id);

        clock.advance(Duration.ofSeconds(1000));
        JsonPath running = listedInstance();
        assertThat(running.getString("state")).isEqualTo("running");
        assertThat(running.getLong("total_runtime_seconds")).isEqualTo(1000);
        // 1000 s × 0.0552 = 55.2: 55 whole credits accrued, none billed yet.
        assertThat(running.getLong("running_credits")).isEqualTo(55);
        assertThat(running.getLong("billed_credits")).isZero();
        assertThat(running.getLong("estimated_total_credits")).isEqualTo(55);

        api.pause(id).then().statusCode(200);
        clock.advance(Duration.ofSeconds(500));
        JsonPath paused = listedInstance();
        assertThat(paused.getString("state")).isEqualTo("paused");
        assertThat(paused.getString("pause_reason")).isEqualTo("user");
        assertThat(paused.getLong("total_runtime_seconds")).isEqualTo(1000);
        // The pause charged what had accrued.
        assertThat(paused.getLong("billed_credits")).isEqualTo(55);
        assertThat(paused.getLong("running_credits")).isZero();
        assertThat(paused.getLong("estimated_total_credits")).isEqualTo(55);

        api.resume(id).then().statusCode(200);
        clock.advance(Duration.ofSeconds(100));
        JsonPath resumed = listedInstance();
        // 1100 s × 0.0552 = 60.72: the fraction left from the first span counts towards this one.
        assertThat(resumed.getLong("total_runtime_seconds")).isEqualTo(1100);
        assertThat(resumed.getLong("billed_credits")).isEqualTo(55);
        assertThat(resumed.getLong("running_credits")).isEqualTo(5);
        assertThat(resumed.getLong("estimated_total_credits")).isEqualTo(60);

        String sandboxId = resumed.getString("sandbox_id");
        api.reset(id).then().statusCode(200);
        assertThat(api.request().get(api.path("")).jsonPath().getString("items[0].instance"))
                .isNull();
        assertThat(api.request().get(api.path("")).jsonPath().getString("items[0].status"))
                .isEqualTo("idle");
        assertThat(Ledger.sandbox(sandboxId).state).isEqualTo("killed");
        assertThat(Ledger.sandbox(sandboxId).billedCredits).isEqualTo(60);
        assertThat(Ledger.charges(sandboxId)).containsExactly("pause:55", "kill:5");
    }
}
