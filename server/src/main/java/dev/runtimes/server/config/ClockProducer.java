package dev.runtimes.server.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The clock every time-dependent rule reads; tests replace it to move time without sleeping. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: a clock that ticks in microseconds makes every stored
        // time read back equal to the one written, which keeps list cursors exact.
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
