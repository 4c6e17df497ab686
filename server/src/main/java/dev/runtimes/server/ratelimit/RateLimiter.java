package dev.runtimes.server.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.metrics.RuntimesMetrics;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Token buckets per API key (Bucket4j), kept in this replica's memory: every request takes from
 * the key's {@code requests} quota, a start or reset also from its {@code lifecycle} quota. Keys
 * never share a bucket, so one key's flood leaves every other key's quota as it was.
 *
 * <p>The live replicas share each quota: a bucket holds the whole quota and a request takes as
 * many tokens as there are live replicas, so each replica admits its share of the quota and the
 * tokens left estimate what is left of the key's quota across all replicas. One replica alone
 * takes one token a request.
 */
@ApplicationScoped
public class RateLimiter {
    private final Quota requests;
    private final Quota lifecycle;
    private final TimeMeter time;
    private final RuntimesMetrics metrics;
    private final LiveReplicas replicas;
    /** A bucket untouched for its longest window is full, the same as a new one: it may go. */
    private final Cache<UUID, KeyBuckets> buckets;

    private record KeyBuckets(Bucket requests, Bucket lifecycle) {}

    RateLimiter(RuntimesConfig config, Clock clock, RuntimesMetrics metrics, LiveReplicas replicas) {
        RuntimesConfig.RateLimit settings = config.rateLimit();
        this.requests = new Quota("requests", "requests", settings.requests(), settings.requestsWindow());
        this.lifecycle = new Quota("lifecycle", "starts and resets", settings.lifecycle(), settings.lifecycleWindow());
        this.time = new ClockTime(clock);
        this.metrics = metrics;
        this.replicas = replicas;
        Duration longest = requests.window().compareTo(lifecycle.window()) > 0 ? requests.window() : lifecycle.window();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).build();
    }

    /**
     * Takes one request of the key's quotas.
     *
     * @param lifecycleOperation whether the request is a start or a reset
     */
    public Verdict take(UUID apiKeyId, boolean lifecycleOperation) {
        KeyBuckets key = buckets.get(apiKeyId, id -> new KeyBuckets(bucket(requests), bucket(lifecycle)));
        List<Quota> quotas = lifecycleOperation ? List.of(requests, lifecycle) : List.of(requests);
        int live = replicas.count();
        long requestsCost = requests.cost(live);
        long lifecycleCost = lifecycle.cost(live);
        Quota refusedBy = null;
        long retryAfter = 0;
        if (lifecycleOperation) {
            ConsumptionProbe probe = key.lifecycle().tryConsumeAndReturnRemaining(lifecycleCost);
            if (!probe.isConsumed()) {
                refusedBy = lifecycle;
                retryAfter = seconds(probe.getNanosToWaitForRefill());
            }
        }
        if (refusedBy == null) {
            ConsumptionProbe probe = key.requests().tryConsumeAndReturnRemaining(requestsCost);
            if (!probe.isConsumed()) {
                refusedBy = requests;
                retryAfter = seconds(probe.getNanosToWaitForRefill());
                if (lifecycleOperation) {
                    key.lifecycle().addTokens(lifecycleCost); // the request does not run: give its start back
                }
            }
        }
        if (refusedBy != null) {
            metrics.rateLimited(refusedBy.name());
        }
        List<Usage> usages = new ArrayList<>();
        for (Quota quota : quotas) {
            long available = Math.max(0, (quota == lifecycle ? key.lifecycle() : key.requests()).getAvailableTokens());
            usages.add(new Usage(quota, available, seconds(quota.nanosToFull(available))));
        }
        return new Verdict(List.copyOf(usages), refusedBy, Math.max(1, retryAfter));
    }

    private Bucket bucket(Quota quota) {
        return Bucket.builder()
                .addLimit(quota.bandwidth())
                .withCustomTimePrecision(time)
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
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
