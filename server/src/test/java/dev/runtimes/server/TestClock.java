package dev.runtimes.server;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The server's clock in tests: it follows real time until a test sets or moves it. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private volatile Instant fixed;

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    /** Stops the clock at {@code instant}, at microsecond precision like the database. */
    public void set(Instant instant) {
        fixed = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    /** Lets the clock follow real time again. */
    public void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server works in UTC");
    }
}
