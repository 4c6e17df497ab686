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
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * How many replicas share the rate limits: every heartbeat this replica marks itself alive in the
 * database and counts the replicas seen within the replica timeout. Requests read the count from
 * memory, never the database. Without the database the last count stays, so the replica goes on
 * limiting to its share.
 *
 * <p>A replica that starts among others cannot know what they have already admitted of a key's
 * quota, so it joins with empty buckets: see {@link #sharedFrom()}.
 */
@ApplicationScoped
public class LiveReplicas {
    private static final Logger LOG = Logger.getLogger(LiveReplicas.class);

    /** A row unseen for this many replica timeouts is deleted; until then it only stops counting. */
    private static final int FORGOTTEN_AFTER = 10;
    /** The scheduler runs a due heartbeat within a second. */
    private static final Duration SCHEDULER_TICK = Duration.ofSeconds(1);

    private final UUID replicaId = UUID.randomUUID();
    private final Clock clock;
    private final Scheduler scheduler;
    private final Duration heartbeat;
    private final Duration timeout;
    private volatile int count = 1;
    private volatile Optional<Instant> sharedFrom = Optional.empty();

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

    /**
     * For a replica that started among others, the instant at which its new buckets are empty,
     * short of empty before, refilling after: the others have counted it by then, if their
     * heartbeats are on time, and until then they admit a key's whole quota among themselves.
     * Empty for a replica that started alone, whose new buckets are full.
     */
    public Optional<Instant> sharedFrom() {
        return sharedFrom;
    }

    void start(@Observes StartupEvent event) {
        join();
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

    /**
     * Marks this replica alive, then counts the replicas it starts among in a transaction of its
     * own: each replica's row is committed before it counts, so of replicas that start together at
     * most one finds itself alone. One that cannot count, without the database, starts as if
     * among others.
     */
    public void join() {
        if (beat() && beat() && count == 1) {
            sharedFrom = Optional.empty();
            LOG.info("This replica started alone: its rate-limit buckets start full");
        } else {
            sharedFrom = Optional.of(clock.instant().plus(heartbeat).plus(SCHEDULER_TICK));
            LOG.infof(
                    "This replica started among others (%d live replicas counted, itself included; 1 without"
                            + " the database): its rate-limit buckets are empty until %s",
                    count, sharedFrom.get());
        }
    }

    /** Marks this replica alive now and counts the live replicas; whether the database answered. */
    public boolean beat() {
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
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The replica heartbeat failed (%s); rate limits stay shared by %d replicas",
                    e.getClass().getSimpleName(), count);
            return false;
        }
    }
}
