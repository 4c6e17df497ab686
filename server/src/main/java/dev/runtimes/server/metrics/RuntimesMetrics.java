package dev.runtimes.server.metrics;

import dev.runtimes.server.domain.SandboxCensus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The domain meters of the service, in one place with their names and descriptions. HTTP
 * request counts and latencies come from Quarkus ({@code http_server_requests_seconds}).
 *
 * <p>The gauges read the database when scraped. The other meters move when their feature
 * reports an event through the methods below.
 */
@Startup
@ApplicationScoped
public class RuntimesMetrics {
    /** How a call to a sandbox provider ended. */
    public enum Outcome {
        SUCCESS,
        FAILURE,
        TIMEOUT
    }

    private static final String[] LIVE_STATES = {"running", "paused"};

    private final MeterRegistry registry;
    private final Counter creditsCharged;

    RuntimesMetrics(MeterRegistry registry, SandboxCensus census, Clock clock) {
        this.registry = registry;
        for (String state : LIVE_STATES) {
            Gauge.builder("runtimes.sandboxes", census, c -> c.count(state))
                    .description("Sandboxes in this state now, across all replicas (read from the database)")
                    .tag("state", state)
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("runtimes.sweep.expiry.lag", census, c -> expiryLagSeconds(c, clock.instant()))
                .description("How long the oldest expired sandbox has been left running; 0 when none")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        Gauge.builder("runtimes.sweep.metering.lag", census, c -> secondsSince(c.oldestUncharged(), clock.instant()))
                .description("How long the running sandbox charged least recently has run uncharged; 0 when none")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        this.creditsCharged = Counter.builder("runtimes.credits.charged")
                .description("Credits charged for sandboxes' running time (the usage rows of the credit ledger)")
                .register(registry);
    }

    /** Credits were charged for running time, in a transaction that committed. */
    public void creditsCharged(long credits) {
        creditsCharged.increment(credits);
    }

    /** A request was refused by the rate limit named {@code limit} (e.g. {@code api_key}). */
    public void rateLimited(String limit) {
        Counter.builder("runtimes.rate_limit.refusals")
                .description("Requests refused with 429 by a rate limit")
                .tag("limit", limit)
                .register(registry)
                .increment();
    }

    /** One call to a sandbox provider: which, for what, how it ended and how long it took. */
    public void providerCall(String provider, String operation, Outcome outcome, Duration duration) {
        Timer.builder("runtimes.provider.calls")
                .description("Calls to sandbox providers, by outcome; failures are outcome FAILURE or TIMEOUT")
                .tag("provider", provider)
                .tag("operation", operation)
                .tag("outcome", outcome.name())
                .register(registry)
                .record(duration);
    }

    private static double expiryLagSeconds(SandboxCensus census, Instant now) {
        return secondsSince(census.oldestOverdueExpiry(now), now);
    }

    private static double secondsSince(Optional<Instant> moment, Instant now) {
        return moment.map(since -> Math.max(0, Duration.between(since, now).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
