package dev.runtimes.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the operating system says about a local sandbox's process, read from {@code /proc}: the
 * tests check the real process, not what the server recorded.
 */
public final class SandboxProcesses {
    /** How long a real process may take to come up or go away on a busy machine. */
    public static final Duration BOUND = Duration.ofSeconds(20);

    private SandboxProcesses() {}

    /** The pid in a local provider id, {@code local-<pid>-<start>}. */
    public static long pid(String providerSandboxId) {
        assertThat(providerSandboxId).matches("local-\\d+-\\d+");
        return Long.parseLong(providerSandboxId.split("-")[1]);
    }

    /** The state letter of {@code /proc/<pid>/stat}; {@code 'T'} is stopped, {@code '-'} is gone. */
    public static char state(long pid) {
        return stat(pid).map(fields -> fields[0].charAt(0)).orElse('-');
    }

    /** The process group of the process. */
    public static long processGroup(long pid) {
        return Long.parseLong(stat(pid).orElseThrow()[2]);
    }

    /** Whether the process ended (a zombie not yet reaped counts as ended). */
    public static boolean gone(long pid) {
        char state = state(pid);
        return state == '-' || state == 'Z' || state == 'X';
    }

    /** Kills the process group behind the server's back and waits until the process is gone. */
    public static void killBehindTheServersBack(long pid) {
        signal(pid, "KILL");
        awaitTrue(() -> gone(pid), "process " + pid + " to end");
    }

    /** Sends a signal to the process group behind the server's back. */
    public static void signal(long pid, String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-s", signal, "--", "-" + pid)
                    .start()
                    .waitFor();
            assertThat(exit).as("kill -s %s -- -%d", signal, pid).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls every 10 ms until the condition holds, failing after {@link #BOUND}. */
    public static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** The fields after the command name: state, ppid, pgrp, ... */
    private static Optional<String[]> stat(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(process.resolve("stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Reaped between opening the file and reading it: the read fails with "No such process".
            if (!Files.exists(process)) {
                return Optional.empty();
            }
            throw new IllegalStateException(e);
        }
    }
}
