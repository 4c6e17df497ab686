package dev.runtimes.server.provider.local;

import java.time.Instant;
import java.util.Optional;

/**
 * The local provider's id of a sandbox, {@code local-<pid>-<start>}: the process id and the
 * process's start time in epoch milliseconds. The start time tells the sandbox's process from a
 * later one that happens to reuse its pid, so a signal never reaches a stranger.
 */
record LocalSandboxId(long pid, long startMillis) {
    private static final String PREFIX = "local-";

    static LocalSandboxId of(ProcessHandle process) {
        return new LocalSandboxId(process.pid(), startMillis(process));
    }

    /** The id, or empty when it is not one this provider issued. */
    static Optional<LocalSandboxId> parse(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = id.substring(PREFIX.length()).split("-", -1);
        try {
            return parts.length == 2
                    ? Optional.of(new LocalSandboxId(Long.parseLong(parts[0]), Long.parseLong(parts[1])))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The sandbox's process, while it lives. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> startMillis(p) == startMillis);
    }

    @Override
    public String toString() {
        return PREFIX + pid + "-" + startMillis;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
