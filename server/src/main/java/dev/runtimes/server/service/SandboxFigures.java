package dev.runtimes.server.service;

import dev.runtimes.server.domain.RuntimeRow.SandboxRow;
import dev.runtimes.server.domain.Sandbox;
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
        long micros = Sandbox.runningMicros(sandbox.state(), sandbox.accumulatedMicros(), sandbox.runningSince(), now);
        return of(micros, sandbox.billedCredits(), creditsPerSecond);
    }

    public static SandboxFigures of(Sandbox sandbox, Instant now, double creditsPerSecond) {
        return of(sandbox.runningMicros(now), sandbox.billedCredits, creditsPerSecond);
    }

    private static SandboxFigures of(long micros, long billedCredits, double creditsPerSecond) {
        long owed = (long) Math.floor(micros / 1_000_000d * creditsPerSecond);
        return new SandboxFigures(micros / 1_000_000L, billedCredits, Math.max(0, owed - billedCredits));
    }

    public long estimatedTotalCredits() {
        return billedCredits + runningCredits;
    }
}
