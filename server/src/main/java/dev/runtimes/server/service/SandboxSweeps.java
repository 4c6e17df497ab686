package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;

/**
 * Runs the sweeps on every replica at the intervals of the settings. A run that is still going
 * when the next is due makes that one skip. The sweeps themselves coordinate through the database.
 *
 * <p>At shutdown no sweep starts any more, and the one that runs is waited for, before the
 * datasource closes: a sweep is never cut off from its database in the middle.
 */
@ApplicationScoped
class SandboxSweeps {
    private static final Logger LOG = Logger.getLogger(SandboxSweeps.class);

    private final Scheduler scheduler;
    private final PauseSweep pauses;
    private final MeteringSweep metering;
    private final RuntimesConfig config;
    /** Held shared by each running sweep, exclusively once the application stops. */
    private final ReadWriteLock running = new ReentrantReadWriteLock();

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

    /**
     * Waits for the sweep that runs, as long as a provider call may take, then lets no other
     * start. Observed before the datasource is closed.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        scheduler.pause();
        if (!running.writeLock().tryLock(config.provider().timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf(
                    "A sweep still runs after %s; the application stops under it",
                    config.provider().timeout());
        }
    }

    private void every(String name, Duration interval, Runnable sweep) {
        scheduler
                .newJob(name)
                .setInterval(interval.toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    if (!running.readLock().tryLock()) {
                        return;
                    }
                    try {
                        sweep.run();
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "The %s failed; it runs again in %s", name, interval);
                    } finally {
                        running.readLock().unlock();
                    }
                })
                .schedule();
    }
}
