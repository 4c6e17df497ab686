package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs the sweeps on every replica at the intervals of the settings. A run that is still going
 * when the next is due makes that one skip. The sweeps themselves coordinate through the database.
 */
@ApplicationScoped
class SandboxSweeps {
    private static final Logger LOG = Logger.getLogger(SandboxSweeps.class);

    private final Scheduler scheduler;
    private final PauseSweep pauses;
    private final MeteringSweep metering;
    private final RuntimesConfig config;

    SandboxSweeps(Scheduler scheduler, PauseSweep pauses, MeteringSweep metering, RuntimesConfig config) {
        this.scheduler = scheduler;
        this.pauses = pauses;
        this.metering = metering;
        this.config = config;
    }

    void schedule(@Observes StartupEvent event) {
        every("pause-sweep", config.expiry().sweepInterval(), pauses::sweep);
        every("metering-sweep", config.metering().interval(), metering::sweep);
    }

    private void every(String name, Duration interval, Runnable sweep) {
        scheduler
                .newJob(name)
                .setInterval(interval.toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    try {
                        sweep.run();
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "The %s failed; it runs again in %s", name, interval);
                    }
                })
                .schedule();
    }
}
