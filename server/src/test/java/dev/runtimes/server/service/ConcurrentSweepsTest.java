package dev.runtimes.server.service;

import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Ledger;
import dev.runtimes.server.Operator;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.provider.ProvisionedSandbox;
import dev.runtimes.server.provider.local.SleepingSandboxes;
import dev.runtimes.server.tenancy.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several sweepers at once on one database over 1,000 running sandboxes, each a real process the
 * local provider pauses: every expired sandbox is paused once, every credit charged once.
 *
 * <p>The sandboxes are {@code sleep} processes recorded through the same ledger call a start
 * makes ({@link SleepingSandboxes} says why); the sweeps, the provider and the database are the
 * product's. Two pause sweepers and two metering sweepers run side by side, each with its own
 * transactions, as replicas would.
 */
@QuarkusTest
class ConcurrentSweepsTest {
    private static final Logger LOG = Logger.getLogger(ConcurrentSweepsTest.class);
    private static final Instant T0 = Instant.parse("2027-06-01T08:00:00Z");
    private static final int EXPIRING = 600;
    private static final int LASTING = 400;
    private static final long BALANCE = 1_000_000;

    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    PauseSweep pauses;

    @Inject
    MeteringSweep metering;

    @Inject
    SandboxLedger ledger;

    @Inject
    Runtimes runtimes;

    @Inject
    SandboxReconciler reconciler;

    @Inject
    MeterRegistry registry;

    final List<String> processes = new CopyOnWriteArrayList<>();

    @AfterEach
    void endProcessesAndReleaseClock() {
        processes.forEach(SleepingSandboxes::end);
        // The ledger learns that they are gone the way a restarted server would.
        reconciler.reconcile();
        clock.release();
    }

    @Test
    void everyExpiredSandboxIsPausedOnceAndEveryCreditChargedOnce() throws Exception {
        clock.set(T0);
        // What other tests left running is paused and charged first, so what follows counts ours only.
        pauses.sweep();
        metering.sweep();

        long began = System.nanoTime();
        Tenant tenant = tenants.tenant();
        Operator.updateOrganization(tenant.org(), "{\"credit_balance\":" + BALANCE + ",\"member_limit\":null}");
        List<UUID> expiring = running(tenant, "x", EXPIRING, 60);
        List<UUID> lasting = running(tenant, "l", LASTING, 86400);
        double pausesBefore = providerPauses();
        LOG.infof(
                "%d running sandboxes recorded in %d ms", EXPIRING + LASTING, (System.nanoTime() - began) / 1_000_000);

        clock.set(T0.plusSeconds(100));
        Map<String, Integer> firstRound = concurrently(
                Map.of("pause-1", pauses::sweep, "pause-2", pauses::sweep),
                Map.of("metering-1", metering::sweep, "metering-2", metering::sweep));
        // A runtime one sweep held locked was skipped by the others: the next interval's sweep gets it.
        int paused = firstRound.get("pause-1") + firstRound.get("pause-2") + pauses.sweep();
        metering.sweep();

        assertThat(paused).isEqualTo(EXPIRING);
        assertThat(providerPauses() - pausesBefore).isEqualTo(EXPIRING);
        Map<UUID, Sandbox> sandboxes = sandboxesByRuntime(tenant);
        for (UUID runtime : expiring) {
            Sandbox sandbox = sandboxes.get(runtime);
            assertThat(sandbox.state).isEqualTo("paused");
            assertThat(sandbox.pauseReason).isEqualTo("timeout");
            // 100 s × 0.0552 = 5.52 credits
            assertThat(sandbox.billedCredits).isEqualTo(5);
        }
        for (UUID runtime : lasting) {
            assertThat(sandboxes.get(runtime).state).isEqualTo("running");
            assertThat(sandboxes.get(runtime).billedCredits).isEqualTo(5);
        }
        assertThat(processStates(sandboxes, expiring)).containsOnlyKeys('T');
        assertThat(processStates(sandboxes, lasting)).doesNotContainKey('T');
        assertReconciled(tenant, (EXPIRING + LASTING) * 5L);

        clock.set(T0.plusSeconds(200));
        concurrently(
                Map.of("pause-1", pauses::sweep, "pause-2", pauses::sweep),
                Map.of("metering-1", metering::sweep, "metering-2", metering::sweep, "metering-3", metering::sweep));
        metering.sweep();

        sandboxes = sandboxesByRuntime(tenant);
        for (UUID runtime : lasting) {
            // 200 s × 0.0552 = 11.04: the 0.52 left from the first charge is in the second.
            assertThat(sandboxes.get(runtime).billedCredits).isEqualTo(11);
        }
        assertThat(providerPauses() - pausesBefore).isEqualTo(EXPIRING);
        assertReconciled(tenant, EXPIRING * 5L + LASTING * 11L);
    }

    /**
     * {@code count} runtimes with a running sandbox each, recorded as a start records it; made by
     * four threads in batches, to keep the test short.
     */
    private List<UUID> running(Tenant tenant, String prefix, int count, long limitSeconds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<UUID>>> batches = new ArrayList<>();
            for (int from = 0; from < count; from += 50) {
                int first = from;
                int last = Math.min(count, from + 50);
                batches.add(threads.submit(() -> {
                    List<UUID> ids = new ArrayList<>();
                    for (int i = first; i < last; i++) {
                        ids.add(tenants.runtime(tenant, prefix + "-" + i));
                    }
                    QuarkusTransaction.requiringNew().run(() -> ids.forEach(id -> start(tenant, id, limitSeconds)));
                    return ids;
                }));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<List<UUID>> batch : batches) {
                ids.addAll(batch.get());
            }
            return ids;
        } finally {
            threads.shutdownNow();
        }
    }

    private void start(Tenant tenant, UUID runtimeId, long limitSeconds) {
        Runtime runtime = runtimes.byId(runtimeId, true).orElseThrow();
        String process = SleepingSandboxes.start();
        processes.add(process);
        Claim claim = new Claim(
                UUID.randomUUID(),
                Operation.START,
                runtime.id,
                runtime.key,
                tenant.workspaceId(),
                tenant.orgId(),
                DurableConfig.parse(runtime.config),
                null,
                "test");
        ledger.started(
                runtime,
                clock.instant(),
                claim,
                UUID.randomUUID(),
                new ProvisionedSandbox(process, null),
                limitSeconds,
                Tokens.hash(Tokens.generate("sbx_")));
    }

    /** Runs every sweep on its own thread, all released at once; how many each reported. */
    @SafeVarargs
    private static Map<String, Integer> concurrently(Map<String, Callable<? extends Number>>... groups)
            throws Exception {
        Map<String, Callable<? extends Number>> sweeps = new TreeMap<>();
        for (Map<String, Callable<? extends Number>> group : groups) {
            sweeps.putAll(group);
        }
        ExecutorService threads = Executors.newFixedThreadPool(sweeps.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            Map<String, Future<? extends Number>> running = new TreeMap<>();
            sweeps.forEach((name, sweep) -> running.put(name, threads.submit(() -> {
                go.await();
                return sweep.call();
            })));
            go.countDown();
            Map<String, Integer> done = new TreeMap<>();
            for (Map.Entry<String, Future<? extends Number>> sweep : running.entrySet()) {
                done.put(sweep.getKey(), sweep.getValue().get().intValue());
            }
            LOG.infof("Concurrent sweeps: %s", done);
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    private double providerPauses() {
        Timer timer = registry.find("runtimes.provider.calls")
                .tags("provider", "local", "operation", "pause", "outcome", "SUCCESS")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static Map<UUID, Sandbox> sandboxesByRuntime(Tenant tenant) {
        return Ledger.sandboxesOfOrganization(tenant.orgId()).stream()
                .collect(Collectors.toMap(sandbox -> sandbox.runtimeId, Function.identity()));
    }

    /**
     * How many of the runtimes' sandbox processes are in each state, as {@code /proc} says (the
     * provider's pause returns once the process is stopped).
     */
    private static Map<Character, Long> processStates(Map<UUID, Sandbox> sandboxes, List<UUID> runtimes) {
        return runtimes.stream()
                .map(runtime -> state(pid(sandboxes.get(runtime).providerSandboxId)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The usage rows, the billed credits and the balance tell the same story. */
    private static void assertReconciled(Tenant tenant, long expected) {
        long[] chargedAndBilled = Ledger.chargedAndBilled(tenant.orgId());
        assertThat(chargedAndBilled[0]).as("usage rows").isEqualTo(expected);
        assertThat(chargedAndBilled[1]).as("billed credits").isEqualTo(expected);
        assertThat(Ledger.balance(tenant.orgId())).isEqualTo(BALANCE - expected);
    }
}
