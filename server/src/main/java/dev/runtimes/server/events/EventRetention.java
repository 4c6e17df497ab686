package dev.runtimes.server.events;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Deletes the events older than the retention, on every replica at its interval (the delete is
 * the same whichever replica runs it). Each workspace remembers the highest number deleted, so a
 * cursor before it is refused as expired instead of skipping what was deleted.
 */
@ApplicationScoped
public class EventRetention {
    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    private static final String OLD =
            "from runtime_events e where e.workspace_id = s.workspace_id and e.occurred_at < ?";

    private final Rows rows;
    private final Clock clock;
    private final RuntimesConfig config;
    private final Scheduler scheduler;

    EventRetention(Rows rows, Clock clock, RuntimesConfig config, Scheduler scheduler) {
        this.rows = rows;
        this.clock = clock;
        this.config = config;
        this.scheduler = scheduler;
    }

    void schedule(@Observes StartupEvent event) {
        scheduler
                .newJob("event-purge")
                .setInterval(config.events().purgeInterval().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    try {
                        purge();
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                e,
                                "The purge of old events failed; it runs again in %s",
                                config.events().purgeInterval());
                    }
                })
                .schedule();
    }

    /** Deletes the events older than the retention; how many. */
    public int purge() {
        OffsetDateTime before =
                Rows.timestamp(clock.instant().minus(config.events().retention()));
        return QuarkusTransaction.requiringNew().call(() -> {
            rows.update(
                    "update event_sequences s set purged_seq = greatest(s.purged_seq, (select max(e.seq) " + OLD + "))"
                            + " where exists (select 1 " + OLD + ")",
                    before,
                    before);
            return rows.update("delete from runtime_events where occurred_at < ?", before);
        });
    }
}
