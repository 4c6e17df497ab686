package dev.runtimes.server.ratelimit;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.ReplicaHeartbeat;
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
 * database and counts the replicas seen within the replica timeout. Requests read the count from
 * memory, never the database. Without the database the last count stays, so the replica goes on
 * limiting to its share.
 */
@ApplicationScoped
public class LiveReplicas {
    private static final Logger LOG = Logger.getLogger(LiveReplicas.class);

    /** A row unseen for this many replica timeouts is deleted; until then it only stops counting. */
    private static final int FORGOTTEN_AFTER = 10;

    private final UUID replicaId = UUID.randomUUID();
    private final Clock clock;
    private final Scheduler scheduler;
    private final Duration heartbeat;
    private final Duration timeout;
    private volatile int count = 1;

    LiveReplicas(RuntimesConfig config, Clock clock, Scheduler scheduler, MeterRegistry registry) {
        this.clock = clock;
        this.scheduler = scheduler;
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

    void start(@Observes StartupEvent event) {
        beat();
        scheduler
                .newJob("replica-heartbeat")
                .setInterval(heartbeat.toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> beat())
                .schedule();
    }

    /** A replica that stops leaves at once, so the others take its share at their next heartbeat. */
    void stop(@Observes ShutdownEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ReplicaHeartbeat.deleteById(replicaId));
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove this replica's heartbeat; the others stop counting it in %s", timeout);
        }
    }

    /** Marks this replica alive now and counts the live replicas. */
    public void beat() {
        Instant now = clock.instant();
        try {
            long live = QuarkusTransaction.requiringNew()
                    .call(() -> ReplicaHeartbeat.beat(
                            replicaId, now, now.minus(timeout), now.minus(timeout.multipliedBy(FORGOTTEN_AFTER))));
            int counted = (int) Math.max(1, Math.min(Integer.MAX_VALUE, live));
            if (counted != count) {
                LOG.infof("Live replicas sharing the rate limits: %d (were %d)", counted, count);
            }
            count = counted;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The replica heartbeat failed (%s); rate limits stay shared by %d replicas",
                    e.getClass().getSimpleName(), count);
        }
    }
}
