package dev.runtimes.server.tenancy;

import dev.runtimes.server.config.RuntimesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this replica's authentications found lately, so that a request's only statement is its own
 * work (docs/operations.md, "Authentication"). An entry serves for at most
 * {@code runtimes.authentication.cache-ttl}: how long a key revoked, or a member or workspace added,
 * through another replica may still answer as before here. A change through this replica empties
 * the cache when its transaction commits. Unknown secrets are never kept.
 */
@ApplicationScoped
class KnownKeys {
    /** Enough for every key a replica serves at once; past it the cache starts again. */
    static final int MOST_ENTRIES = 10_000;

    /** What a request presents: the hash of its secret and the workspace its path names. */
    record Lookup(String tokenHash, String org, String workspace) {}

    private record Entry(StoredKey key, Instant usableUntil) {}

    private final ConcurrentHashMap<Lookup, Entry> entries = new ConcurrentHashMap<>();
    private final Duration timeToLive;

    KnownKeys(RuntimesConfig config) {
        this.timeToLive = config.authentication().cacheTtl();
    }

    Optional<StoredKey> find(Lookup lookup, Instant now) {
        Entry entry = entries.get(lookup);
        return entry != null && now.isBefore(entry.usableUntil()) ? Optional.of(entry.key()) : Optional.empty();
    }

    void keep(Lookup lookup, StoredKey key, Instant now) {
        if (entries.size() >= MOST_ENTRIES) {
            entries.clear();
        }
        entries.put(lookup, new Entry(key, now.plus(timeToLive)));
    }

    void forgetAll(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenancyChanged change) {
        entries.clear();
    }

    /** A committed change to keys, memberships or workspaces. */
    record TenancyChanged() {}
}
