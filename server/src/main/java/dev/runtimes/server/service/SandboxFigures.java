package dev.runtimes.server.service;

import dev.runtimes.server.domain.RuntimeRow.SandboxRow;
import java.time.Duration;
import java.time.Instant;

/**
 * The live figures of a sandbox at one moment, derived from what the ledger recorded.
 *
 * <p>Credits owed are whole credits for every running second so far; what is owed beyond what was
 * billed is {@code runningCredits}. Because both come from the running time, fractions of a credit
 * carry over from one charge to the next instead of being lost or charged twice.
 */
public record SandboxFigures(long totalRuntimeSeconds, long billedCredits, long runningCredits) {

    public static SandboxFigures of(SandboxRow sandbox, Instant now, double creditsPerSecond) {
        long micros = sandbox.accumulatedMicros();
        if ("running".equals(sandbox.state())
                && sandbox.runningSince() != null
                && now.isAfter(sandbox.runningSince())) {
            Duration span = Duration.between(sandbox.runningSince(), now);
            micros += span.toSeconds() * 1_000_000L + span.toNanosPart() / 1_000L;
        }
        long seconds = micros / 1_000_000L;
        long owed = (long) Math.floor(micros / 1_000_000d * creditsPerSecond);
        long running = Math.max(0, owed - sandbox.billedCredits());
        return new SandboxFigures(seconds, sandbox.billedCredits(), running);
    }

    public long estimatedTotalCredits() {
        return billedCredits + runningCredits;
    }
}
