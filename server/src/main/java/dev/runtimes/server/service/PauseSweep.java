package dev.runtimes.server.service;

import dev.runtimes.server.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pauses every running sandbox that must not run on: expired, its organization out of credits or
 * over its member limit. Safe on every replica at once: each runtime is claimed by one sweep (the
 * others skip it), paused by the provider with no transaction open, and recorded paused only if
 * the claim still holds; a failed pause releases the claim for the next sweep.
 */
@ApplicationScoped
public class PauseSweep {
    private static final Logger LOG = Logger.getLogger(PauseSweep.class);
    private static final int BATCH = 100;

    private final RuntimeClaims claims;
    private final LifecycleService lifecycle;

    PauseSweep(RuntimeClaims claims, LifecycleService lifecycle) {
        this.claims = claims;
        this.lifecycle = lifecycle;
    }

    /** One sweep for every reason; how many sandboxes this call paused. */
    public int sweep() {
        int paused = 0;
        for (AutoPause cause : AutoPause.values()) {
            paused += sweep(cause);
        }
        return paused;
    }

    private int sweep(AutoPause cause) {
        int paused = 0;
        UUID after = null;
        RuntimeClaims.Batch batch;
        do {
            batch = claims.claimForAutoPause(cause, after, BATCH);
            for (Claim claim : batch.claims()) {
                try {
                    lifecycle.autoPause(claim, cause);
                    paused++;
                } catch (ServiceException e) {
                    LOG.warnf("Could not pause runtime %s (%s): %s", claim.runtimeId(), cause.reason(), e.getMessage());
                }
            }
            after = batch.last();
        } while (batch.selected() == BATCH);
        if (paused > 0) {
            LOG.infof("Paused %d running sandboxes: %s", paused, cause.reason());
        }
        return paused;
    }
}
