package dev.runtimes.server.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.runtimes.server.config.RuntimesConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API key's token buckets in this replica's memory (Bucket4j), one per quota, and the keys
 * that took from them since this replica last published their levels to the others.
 */
@ApplicationScoped
class Buckets {
    private final Quota requests;
    private final Quota lifecycle;
    private final TimeMeter time;
    /** A bucket untouched for its longest window is full, the same as a new one: it may go. */
    private final Cache<UUID, KeyBuckets> buckets;

    private final Set<UUID> touched = ConcurrentHashMap.newKeySet();

    record KeyBuckets(Bucket requests, Bucket lifecycle) {}

    Buckets(RuntimesConfig config, Clock clock) {
        RuntimesConfig.RateLimit settings = config.rateLimit();
        this.requests = new Quota("requests", "requests", settings.requests(), settings.requestsWindow());
        this.lifecycle = new Quota("lifecycle", "starts and resets", settings.lifecycle(), settings.lifecycleWindow());
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longestWindow()).build();
    }

    Quota requests() {
        return requests;
    }

    Quota lifecycle() {
        return lifecycle;
    }

    /** After this long a bucket has refilled completely, whatever it held. */
    Duration longestWindow() {
        return requests.window().compareTo(lifecycle.window()) > 0 ? requests.window() : lifecycle.window();
    }

    /** The key's buckets, for a request that takes from them. */
    KeyBuckets take(UUID apiKeyId) {
        touched.add(apiKeyId);
        return of(apiKeyId);
    }

    /**
     * The levels, at {@code now}, of the buckets that requests took from since the last call and
     * that are not full; their keys are no longer touched.
     */
    List<Level> drainTouched(Instant now) {
        List<Level> levels = new ArrayList<>();
        for (Iterator<UUID> keys = touched.iterator(); keys.hasNext(); ) {
            UUID apiKeyId = keys.next();
            keys.remove();
            KeyBuckets key = buckets.getIfPresent(apiKeyId);
            if (key != null) {
                for (Quota quota : List.of(requests, lifecycle)) {
                    long tokens = bucket(key, quota).getAvailableTokens();
                    if (tokens < quota.limit()) {
                        levels.add(new Level(apiKeyId, quota.name(), tokens, now));
                    }
                }
            }
        }
        return levels;
    }

    /** Levels that were not published after all: their keys are touched again. */
    void touchAgain(List<Level> levels) {
        levels.forEach(level -> touched.add(level.apiKeyId()));
    }

    /**
     * Lowers the key's bucket to what another replica published, refilled since; a bucket that is
     * already lower keeps its level.
     */
    void lowerTo(Level level, Instant now) {
        Quota quota = level.quota().equals(lifecycle.name()) ? lifecycle : requests;
        if (!level.quota().equals(quota.name())) {
            return; // a quota this version does not have
        }
        long target = quota.refilled(level.tokens(), Duration.between(level.at(), now));
        Bucket bucket = bucket(of(level.apiKeyId()), quota);
        long excess = bucket.getAvailableTokens() - target;
        if (excess > 0) {
            bucket.consumeIgnoringRateLimits(excess);
        }
    }

    /** The key's bucket of {@code quota}. */
    Bucket bucket(KeyBuckets key, Quota quota) {
        return quota == lifecycle ? key.lifecycle() : key.requests();
    }

    private KeyBuckets of(UUID apiKeyId) {
        return buckets.get(apiKeyId, id -> new KeyBuckets(newBucket(requests), newBucket(lifecycle)));
    }

    private Bucket newBucket(Quota quota) {
        return Bucket.builder()
                .addLimit(quota.bandwidth())
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j reads the server's clock, so tests refill buckets by moving the clock, not by sleeping. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
