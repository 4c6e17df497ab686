package dev.runtimes.server.service;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Operator;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.domain.Membership;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An organization over its member limit: its running sandboxes are paused and its starts refused. */
@QuarkusTest
class MemberLimitTest {
    private static final Instant T0 = Instant.parse("2027-05-01T08:00:00Z");

    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    PauseSweep pauses;

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

    private void memberLimit(int limit) {
        Operator.updateOrganization(tenant.org(), "{\"credit_balance\":null,\"member_limit\":" + limit + "}");
    }

    @Test
    void overTheLimitRunningSandboxesArePausedAndStartsAndResumesRefusedUntilBackUnder() {
        memberLimit(2);
        String running = api.createIdle("running");
        String idle = api.createIdle("idle");
        long pid = pid(api.started(running).getString("runtime.instance.provider_sandbox_id"));
        tenants.member(tenant.orgId(), Membership.MEMBER);

        // Two members, a limit of two: at the limit is within it.
        pauses.sweep();
        api.get(running).then().body("status", is("running"));

        tenants.member(tenant.orgId(), Membership.MEMBER);
        pauses.sweep();
        api.get(running).then().body("status", is("paused")).body("instance.pause_reason", is("member_limit_exceeded"));
        awaitTrue(() -> state(pid) == 'T', "the sandbox process to be stopped");
        api.start(idle)
                .then()
                .statusCode(403)
                .body("code", is(403))
                .body("type", is("forbidden_error"))
                .body(
                        "detail",
                        is("Organization '" + tenant.org() + "' has 3 members, more than its limit of 2; runtime"
                                + " 'idle' was not started."))
                .body("errors", nullValue());

        api.resume(running)
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        is("Organization '" + tenant.org() + "' has 3 members, more than its limit of 2; runtime"
                                + " 'running' was not resumed."));

        memberLimit(3);
        api.started(idle);
        api.resume(running).then().statusCode(200);
        api.reset(running).then().statusCode(200);
        api.reset(idle).then().statusCode(200);
    }
}
