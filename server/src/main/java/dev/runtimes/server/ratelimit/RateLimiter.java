package dev.runtimes.server.ratelimit;

import dev.runtimes.server.metrics.RuntimesMetrics;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes requests from each API key's token buckets, kept in this replica's memory ({@link
 * Buckets}): every request takes from the key's {@code requests} quota, a start or reset also from
 * its {@code lifecycle} quota. Keys never share a bucket, so one key's flood leaves every other
 * key's quota as it was.
 *
 * <p>The live replicas share each quota: a bucket holds the whole quota and a request takes as
 * many tokens as there are live replicas, so each replica admits its share of the quota and the
 * tokens left estimate what is left of the key's quota across all replicas. At each heartbeat the
 * replicas exchange those estimates and keep the lowest ({@link Settlement}). One replica alone
 * takes one token a request.
 */
@ApplicationScoped
public class RateLimiter {
    private final Buckets buckets;
    private final RuntimesMetrics metrics;
    private final LiveReplicas replicas;

    RateLimiter(Buckets buckets, RuntimesMetrics metrics, LiveReplicas replicas) {
        this.buckets = buckets;
        this.metrics = metrics;
        this.replicas = replicas;
    }

    /**
     * Takes one request of the key's quotas.
     *
     * @param lifecycleOperation whether the request is a start or a reset
     */
    public Verdict take(UUID apiKeyId, boolean lifecycleOperation) {
        Quota requests = buckets.requests();
        Quota lifecycle = buckets.lifecycle();
        Buckets.KeyBuckets key = buckets.take(apiKeyId);
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
            long available = Math.max(0, buckets.bucket(key, quota).getAvailableTokens());
            usages.add(new Usage(quota, available, seconds(quota.nanosToFull(available))));
        }
        return new Verdict(List.copyOf(usages), refusedBy, Math.max(1, retryAfter));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
