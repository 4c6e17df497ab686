package dev.runtimes.server.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the sandbox ledger ({@code sandboxes}, read and written by {@link Sandboxes}). Rows are
 * never deleted: a killed sandbox keeps its figures, when and why it was killed.
 */
public class Sandbox {
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String KILLED = "killed";

    public UUID id;
    public UUID runtimeId;
    public UUID organizationId;
    public String provider;
    public String providerSandboxId;
    public String sandboxUrl;

    /** {@code running}, {@code paused} or {@code killed}. */
    public String state;

    public String pauseReason;
    public Instant createdAt;

    /** When the sandbox is paused automatically unless kept alive; set only while running. */
    public Instant expiresAt;

    public Long runtimeLimitSeconds;

    /** Running time of the spans that ended; the current span runs from {@link #runningSince}. */
    public long accumulatedMicros;

    public Instant runningSince;
    public long billedCredits;

    /** When the sandbox was last charged. */
    public Instant meteredAt;

    public Instant killedAt;
    public String killReason;

    /** Hex SHA-256 of the sandbox token; the token itself is never stored. */
    public String tokenHash;

    /** Starts a running span at {@code now}, with {@code expiresAt} {@code timeout} away, within the limit. */
    public void run(Instant now, Duration timeout) {
        state = RUNNING;
        pauseReason = null;
        runningSince = now;
        expiresAt = limitReachedAt()
                .filter(limit -> limit.isBefore(now.plus(timeout)))
                .orElse(now.plus(timeout));
    }

    /**
     * Pushes {@code expiresAt} by {@code extension}, counted from {@code expiresAt} or from
     * {@code now}, whichever is later, but not past the runtime limit.
     */
    public Instant keepAlive(Instant now, Duration extension) {
        Instant pushed = (expiresAt != null && expiresAt.isAfter(now) ? expiresAt : now).plus(extension);
        expiresAt = limitReachedAt().filter(pushed::isAfter).orElse(pushed);
        return expiresAt;
    }

    /** Ends the running span at {@code now} and stops the sandbox where it is. */
    public void pause(Instant now, String reason) {
        endRunningSpan(now);
        state = PAUSED;
        pauseReason = reason;
    }

    public void kill(Instant now, String reason) {
        endRunningSpan(now);
        state = KILLED;
        pauseReason = null;
        killedAt = now;
        killReason = reason.length() > 200 ? reason.substring(0, 199) + "…" : reason;
    }

    /**
     * When the running sandbox reaches its runtime limit, or empty without one. Running time is
     * counted, paused time is not, so the moment moves with every pause.
     */
    public Optional<Instant> limitReachedAt() {
        if (runtimeLimitSeconds == null || runningSince == null) {
            return Optional.empty();
        }
        long leftMicros = runtimeLimitSeconds * 1_000_000L - accumulatedMicros;
        return Optional.of(runningSince.plus(leftMicros, ChronoUnit.MICROS));
    }

    /** Microseconds the sandbox has run until {@code now}, the current span included. */
    public long runningMicros(Instant now) {
        return runningMicros(state, accumulatedMicros, runningSince, now);
    }

    /** Microseconds run until {@code now} of a sandbox recorded with these figures. */
    public static long runningMicros(String state, long accumulatedMicros, Instant runningSince, Instant now) {
        if (RUNNING.equals(state) && runningSince != null && now.isAfter(runningSince)) {
            return accumulatedMicros + ChronoUnit.MICROS.between(runningSince, now);
        }
        return accumulatedMicros;
    }

    /** Whether the sandbox has run for its whole runtime limit. */
    public boolean limitUsedUp() {
        return runtimeLimitSeconds != null && accumulatedMicros >= runtimeLimitSeconds * 1_000_000L;
    }

    private void endRunningSpan(Instant now) {
        if (runningSince != null && now.isAfter(runningSince)) {
            accumulatedMicros += ChronoUnit.MICROS.between(runningSince, now);
        }
        runningSince = null;
        expiresAt = null;
    }
}
