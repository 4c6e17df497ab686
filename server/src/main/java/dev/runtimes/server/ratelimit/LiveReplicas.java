package dev.runtimes.server.ratelimit;

import dev.runtimes.server.config.RuntimesConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * How many replicas share the rate limits: every heartbeat this replica marks itself alive in the
 * database, counts the replicas seen within the replica timeout and, in the same transaction,
 * exchanges bucket levels with them ({@link Settlement}). Requests read the count from memory,
 * never the database. Without the database the last count stays, so the replica goes on limiting
 * to its share.
 */
@ApplicationScoped
public class LiveReplicas {
    private static final Logger LOG = Logger.getLogger(LiveReplicas.class);

    /** A row unseen for this many replica timeouts is deleted; until then it only stops counting. */
    private static final int FORGOTTEN_AFTER = 10;
    /** The scheduler runs a due heartbeat within a second. */
    private static final Duration SCHEDULER_TICK = Duration.ofSeconds(1);

    private static final Duration COUNTED_POLL = Duration.ofMillis(100);

    private final UUID replicaId = UUID.randomUUID();
    private final Clock clock;
    private final Scheduler scheduler;
    private final Settlement settlement;
    private final Heartbeats heartbeats;
    private final Duration heartbeat;
    private final Duration timeout;
    private volatile int count = 1;

    LiveReplicas(
            RuntimesConfig config,
            Clock clock,
            Scheduler scheduler,
            Settlement settlement,
            Heartbeats heartbeats,
            MeterRegistry registry) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.settlement = settlement;
        this.heartbeats = heartbeats;
        this.heartbeat = config.rateLimit().replicaHeartbeat();
        this.timeout = config.rateLimit().replicaTimeout();
        if (timeout.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("runtimes.rate-limit.replica-timeout (" + timeout
                    + ") must be longer than runtimes.rate-limit.replica-heartbeat (" + heartbeat + ")");
        }
        Gauge.builder("runtimes.rate_limit.replicas", this, LiveReplicas::count)
                .description("Live replicas sharing every API key's quotas, at this replica's last heartbeat")
                .strongReference(true)
                .register(registry);
    }

    /** The replicas alive at the last heartbeat, this one included: at least 1. */
    public int count() {
        return count;
    }

    /** Before the server takes requests: the HTTP port opens once the startup observers return. */
    void start(@Observes StartupEvent event) {
        join();
        scheduler
                .newJob("replica-heartbeat")
                .setInterval(heartbeat.toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> beat())
                .schedule();
    }

    /**
     * Marks this replica alive, then counts in a transaction of its own, so that of replicas that
     * start together at most one finds itself alone. Among others, it waits until they have
     * counted it, since until then they may spend all of a key's quota among themselves, and then
     * reads the levels they published as they did.
     */
    void join() {
        beat();
        Instant joined = clock.instant();
        beat();
        if (count > 1) {
            long waited = awaitCounted(joined);
            beat();
            LOG.infof("Live replicas beside this one at its start: %d; they counted it in %d ms", count - 1, waited);
        }
    }

    /**
     * A replica that stops publishes its last levels and leaves at once, so the others take its
     * share, and what it admitted, at their next heartbeat.
     */
    void stop(@Observes ShutdownEvent event) {
        Settlement.Round round = settlement.round(clock.instant());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                round.publish(replicaId);
                heartbeats.leave(replicaId);
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove this replica's heartbeat; the others stop counting it in %s", timeout);
        }
    }

    /** Marks this replica alive now, counts the live replicas and exchanges bucket levels with them. */
    public void beat() {
        Instant now = clock.instant();
        Settlement.Round round = settlement.round(now);
        try {
            long live = QuarkusTransaction.requiringNew().call(() -> {
                round.exchange(replicaId);
                return heartbeats.beat(
                        replicaId, now, now.minus(timeout), now.minus(timeout.multipliedBy(FORGOTTEN_AFTER)));
            });
            round.settled();
            int counted = (int) Math.max(1, Math.min(Integer.MAX_VALUE, live));
            if (counted != count) {
                LOG.infof("Live replicas sharing the rate limits: %d (were %d)", counted, count);
            }
            count = counted;
        } catch (RuntimeException e) {
            round.failed();
            LOG.warnf(
                    "The replica heartbeat failed (%s); rate limits stay shared by %d replicas",
                    e.getClass().getSimpleName(), count);
        }
    }

    /**
     * Waits until every other live replica has beaten since {@code joined}, so has counted this
     * one, or a heartbeat and a scheduler tick have passed; the milliseconds waited.
     */
    private long awaitCounted(Instant joined) {
        long start = System.nanoTime();
        long deadline = start + heartbeat.plus(SCHEDULER_TICK).toNanos();
        try {
            while (System.nanoTime() < deadline && uncounted(joined) > 0) {
                Thread.sleep(COUNTED_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Could not tell whether the other replicas counted this one (%s)",
                    e.getClass().getSimpleName());
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private long uncounted(Instant joined) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(() -> heartbeats.unseenSince(replicaId, now.minus(timeout), joined));
    }
}
