package dev.runtimes.server.service;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Ledger;
import dev.runtimes.server.Operator;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credits under the injected clock, at the default 0.0552 credits a second: the metering sweep
 * charges whole credits and carries the fraction, runs that end are charged at once, and an
 * organization without credits is left to the pause sweep, paused and may not start.
 */
@QuarkusTest
class MeteringTest {
    private static final Instant T0 = Instant.parse("2027-04-01T08:00:00Z");

    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    MeteringSweep metering;

    @Inject
    PauseSweep pauses;

    @Inject
    MeterRegistry registry;

    Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void tenantAtAFixedMoment() {
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
        clock.set(T0);
        // What other tests left running is charged and paused up to T0 first.
        metering.sweep();
        pauses.sweep();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private void balance(Long credits) {
        Operator.updateOrganization(tenant.org(), "{\"credit_balance\":" + credits + ",\"member_limit\":null}");
    }

    private String sandboxOf(String runtimeId) {
        return api.get(runtimeId).jsonPath().getString("instance.sandbox_id");
    }

    private void at(long seconds) {
        clock.set(T0.plusSeconds(seconds));
    }

    private void assertLedgerAgreesWithBilled() {
        long[] chargedAndBilled = Ledger.chargedAndBilled(tenant.orgId());
        assertThat(chargedAndBilled[0]).isEqualTo(chargedAndBilled[1]);
    }

    @Test
    void theSweepChargesWholeCreditsAndCarriesTheFraction() {
        balance(1000L);
        double chargedBefore = registry.counter("runtimes.credits.charged").count();
        long ledgerBefore = Ledger.creditsCharged();
        String id = api.createIdle("metered");
        api.started(id);
        String sandbox = sandboxOf(id);

        at(100); // 5.52 owed
        metering.sweep();
        assertThat(Ledger.charges(sandbox)).containsExactly("metering:5");
        assertThat(Ledger.balance(tenant.orgId())).isEqualTo(995);

        at(200); // 11.04 owed: 6 more, the 0.52 left over counted in
        metering.sweep();
        metering.sweep();
        assertThat(Ledger.charges(sandbox)).containsExactly("metering:5", "metering:6");

        at(250); // 13.8 owed
        metering.sweep();
        JsonPath listed = api.get(id).jsonPath();
        assertThat(listed.getLong("instance.billed_credits")).isEqualTo(13);
        assertThat(listed.getLong("instance.running_credits")).isZero();

        at(260); // 14.352 owed: the pause charges the last whole credit
        api.pause(id).then().statusCode(200);
        metering.sweep();
        assertThat(Ledger.charges(sandbox)).containsExactly("metering:5", "metering:6", "metering:2", "pause:1");
        assertThat(Ledger.sandbox(sandbox).billedCredits).isEqualTo(14);
        assertThat(Ledger.balance(tenant.orgId())).isEqualTo(986);
        assertLedgerAgreesWithBilled();
        assertThat(registry.counter("runtimes.credits.charged").count() - chargedBefore)
                .isEqualTo(Ledger.creditsCharged() - ledgerBefore);
        api.reset(id).then().statusCode(200);
    }

    @Test
    void resetAndDeleteMakeTheFinalCharge() {
        balance(1000L);
        String reset = api.createIdle("reset");
        String deleted = api.createIdle("deleted");
        api.started(reset);
        api.started(deleted);
        String resetSandbox = sandboxOf(reset);
        String deletedSandbox = sandboxOf(deleted);

        at(100);
        api.reset(reset).then().statusCode(200);
        api.delete(deleted).then().statusCode(204);

        assertThat(Ledger.charges(resetSandbox)).containsExactly("kill:5");
        assertThat(Ledger.charges(deletedSandbox)).containsExactly("kill:5");
        assertThat(Ledger.balance(tenant.orgId())).isEqualTo(990);
        assertLedgerAgreesWithBilled();
    }

    @Test
    void anOrganizationWithoutCreditsIsPausedAndMayNotStart() {
        balance(10L);
        String first = api.createIdle("first");
        String second = api.createIdle("second");
        String third = api.createIdle("third");
        long pid = pid(api.started(first).getString("runtime.instance.provider_sandbox_id"));
        api.started(second);
        String firstSandbox = sandboxOf(first);

        at(100); // 5 credits each: the balance reaches 0
        metering.sweep();
        assertThat(Ledger.balance(tenant.orgId())).isZero();

        at(150); // 8.28 owed each: metering leaves them to the pause sweep, whose pause charges 3 each
        metering.sweep();
        assertThat(Ledger.balance(tenant.orgId())).isZero();
        pauses.sweep();
        assertThat(Ledger.charges(firstSandbox)).containsExactly("metering:5", "pause:3");
        assertThat(Ledger.balance(tenant.orgId())).isEqualTo(-6);

        for (String id : new String[] {first, second}) {
            api.get(id)
                    .then()
                    .statusCode(200)
                    .body("status", is("paused"))
                    .body("instance.pause_reason", is("insufficient_credits"));
        }
        awaitTrue(() -> state(pid) == 'T', "the sandbox process to be stopped");
        api.start(third)
                .then()
                .statusCode(429)
                .body("code", is(429))
                .body("type", is("insufficient_credits_error"))
                .body(
                        "detail",
                        is("Organization '" + tenant.org() + "' has no credits left; runtime 'third' was not started."))
                .body("errors", nullValue());
        api.resume(first)
                .then()
                .statusCode(429)
                .body(
                        "detail",
                        is("Organization '" + tenant.org()
                                + "' has no credits left; runtime 'first' was not resumed."));
        assertLedgerAgreesWithBilled();

        balance(100L);
        api.started(third);
        for (String id : new String[] {first, second, third}) {
            api.reset(id).then().statusCode(200);
        }
    }

    @Test
    void anUnmeteredOrganizationIsChargedButNeverPausedForCredits() {
        String id = api.createIdle("free");
        api.started(id);
        String sandbox = sandboxOf(id);

        at(1000);
        metering.sweep();
        pauses.sweep();

        assertThat(api.get(id).jsonPath().getString("status")).isEqualTo("running");
        assertThat(Ledger.charges(sandbox)).containsExactly("metering:55");
        assertThat(Ledger.balance(tenant.orgId())).isNull();
        clock.advance(Duration.ofSeconds(1));
        api.reset(id).then().statusCode(200);
    }
}
