package dev.runtimes.server.web.traits;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/** The idempotency record the current request runs under, set by {@link IdempotencyFilter}. */
@RequestScoped
public class PendingIdempotency {
    private UUID recordId;

    Optional<UUID> get() {
        return Optional.ofNullable(recordId);
    }

    void set(UUID recordId) {
        this.recordId = recordId;
    }
}
