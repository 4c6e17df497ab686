package dev.runtimes.server.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes expired idempotency answers every hour on every replica (the delete is the same
 * whichever replica runs it). An expired row is never replayed even before the sweep reaches it.
 */
@ApplicationScoped
class IdempotencySweeper {
    private static final Logger LOG = Logger.getLogger(IdempotencySweeper.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final IdempotencyService idempotency;
    private final Vertx vertx;
    private long timer = -1;

    IdempotencySweeper(IdempotencyService idempotency, Vertx vertx) {
        this.idempotency = idempotency;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(EVERY.toMillis(), id -> vertx.executeBlocking(this::sweep, false));
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private Long sweep() {
        try {
            long deleted = idempotency.sweep();
            LOG.debugf("Deleted %d expired idempotency answers", deleted);
            return deleted;
        } catch (RuntimeException e) {
            // The database may be away for a while; the next sweep tries again.
            LOG.warn("The sweep of expired idempotency answers failed", e);
            return 0L;
        }
    }
}
