package dev.runtimes.server.web;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static dev.runtimes.server.SandboxProcesses.gone;
import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Ledger;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent calls on one runtime serialize: one wins, the others get a 409 that says why. */
@QuarkusTest
class RuntimeRacesTest {
    private static final int CALLERS = 20;

    @Inject
    Tenants tenants;

    RuntimeApi api;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        Tenant tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
        pool = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void twentyConcurrentStartsMakeExactlyOneSandbox() throws Exception {
        String id = api.createIdle("contested");

        List<Response> answers = race(caller -> api.start(id));

        List<Response> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        for (Response lost : answers.stream().filter(r -> r.statusCode() != 200).toList()) {
            assertThat(lost.statusCode()).isEqualTo(409);
            assertThat(lost.jsonPath().getString("type")).isEqualTo("conflict_error");
            assertThat(lost.jsonPath().getString("detail"))
                    .isIn(
                            "Runtime 'contested' is busy: a start is in progress; try again when it has finished.",
                            "Runtime 'contested' cannot be started while it is running.");
        }
        assertThat(Ledger.sandboxesOf(id)).as("sandbox ledger rows").hasSize(1);
        long pid = pid(won.get(0).jsonPath().getString("runtime.instance.provider_sandbox_id"));
        assertThat(state(pid)).isIn('S', 'R');
        api.reset(id).then().statusCode(200);
        awaitTrue(() -> gone(pid), "the sandbox process to end");
    }

    @Test
    void concurrentPausesAndResetsLoseNoTransition() throws Exception {
        String id = api.createIdle("tugged");
        long pid = pid(api.started(id).getString("runtime.instance.provider_sandbox_id"));

        List<Response> answers = race(caller -> caller % 2 == 0 ? api.pause(id) : api.reset(id));

        List<Response> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(answers).allMatch(r -> r.statusCode() == 200 || r.statusCode() == 409);
        assertThat(won).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        // Whatever won, the record and the process agree: a pause may be followed by a reset.
        String status = api.get(id).jsonPath().getString("status");
        if (status.equals("paused")) {
            assertThat(won).hasSize(1);
            assertThat(state(pid)).isEqualTo('T');
        } else {
            assertThat(status).isEqualTo("idle");
            awaitTrue(() -> gone(pid), "the sandbox process to end");
            api.reset(id).then().statusCode(409);
        }
        assertThat(Ledger.sandboxesOf(id)).hasSize(1);
        if (status.equals("paused")) {
            api.reset(id).then().statusCode(200);
        }
    }

    /** Runs {@value #CALLERS} calls from as many threads released at once; each gets its number. */
    private List<Response> race(IntFunction<Response> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int caller = i;
            calls.add(() -> {
                go.await();
                return call.apply(caller);
            });
        }
        List<Future<Response>> futures = calls.stream().map(pool::submit).toList();
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
