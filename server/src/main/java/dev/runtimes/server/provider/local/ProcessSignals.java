package dev.runtimes.server.provider.local;

import dev.runtimes.server.provider.ProviderException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signals and states of sandbox processes. Each sandbox is started by {@code setsid}, so it leads
 * a process group of its own and a signal reaches everything it started; where {@code setsid} is
 * missing, signals go to the process alone.
 */
final class ProcessSignals {
    private final Optional<Path> setsid;

    ProcessSignals() {
        this.setsid = onPath("setsid");
    }

    /** The command that starts {@code command} in a process group of its own. */
    List<String> leading(List<String> command) {
        List<String> full = new ArrayList<>();
        setsid.ifPresent(path -> full.add(path.toString()));
        full.addAll(command);
        return full;
    }

    /**
     * Sends {@code signal} ({@code STOP}, {@code CONT}, {@code TERM}, {@code KILL}) to the
     * process's group; {@code false} when there is no such group any more.
     */
    boolean send(long pid, String signal) {
        String target = setsid.isPresent() ? "-" + pid : Long.toString(pid);
        // The shell's own kill: present wherever sh is, unlike a kill binary.
        ProcessBuilder kill = new ProcessBuilder("/bin/sh", "-c", "kill -s \"$1\" -- \"$2\"", "sh", signal, target)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return kill.start().waitFor() == 0;
        } catch (IOException e) {
            throw new ProviderException("the process group could not be signalled", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("the process group could not be signalled", null, e);
        }
    }

    /**
     * The state letter of {@code /proc/<pid>/stat} ({@code R}, {@code S}, {@code T} for stopped,
     * {@code Z} for a zombie, ...), or empty where there is no {@code /proc}.
     */
    static Optional<Character> state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (command name) S ...": the name may hold spaces and parentheses.
            return Optional.of(stat.charAt(stat.lastIndexOf(')') + 2));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
