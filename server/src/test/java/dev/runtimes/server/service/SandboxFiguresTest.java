package dev.runtimes.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.domain.RuntimeRow.SandboxRow;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SandboxFiguresTest {
    private static final double RATE = 0.0552;
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    private static SandboxRow sandbox(String state, long accumulatedSeconds, Instant runningSince, long billed) {
        return new SandboxRow(
                UUID.randomUUID(),
                "local",
                "local-1",
                null,
                state,
                null,
                START,
                null,
                null,
                accumulatedSeconds * 1_000_000L,
                runningSince,
                billed);
    }

    @Test
    void runningSandboxCountsTheCurrentSpan() {
        SandboxFigures figures = SandboxFigures.of(sandbox("running", 100, START, 0), START.plusSeconds(1000), RATE);
        assertThat(figures.totalRuntimeSeconds()).isEqualTo(1100);
        // 1100 s × 0.0552 = 60.72 credits: 60 whole credits accrued, the fraction carries over.
        assertThat(figures.runningCredits()).isEqualTo(60);
        assertThat(figures.estimatedTotalCredits()).isEqualTo(60);
    }

    @Test
    void billedCreditsAreNotCountedAgain() {
        SandboxFigures figures = SandboxFigures.of(sandbox("running", 0, START, 50), START.plusSeconds(1000), RATE);
        assertThat(figures.billedCredits()).isEqualTo(50);
        assertThat(figures.runningCredits()).isEqualTo(5);
        assertThat(figures.estimatedTotalCredits()).isEqualTo(55);
    }

    @Test
    void pausedAndKilledSandboxesStopAccruing() {
        for (String state : new String[] {"paused", "killed"}) {
            SandboxFigures figures = SandboxFigures.of(sandbox(state, 1000, null, 55), START.plusSeconds(99999), RATE);
            assertThat(figures.totalRuntimeSeconds()).isEqualTo(1000);
            assertThat(figures.runningCredits()).isZero();
            assertThat(figures.estimatedTotalCredits()).isEqualTo(55);
        }
    }
}
