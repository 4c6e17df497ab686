package dev.runtimes.server.provider.local;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.provider.ProviderException;
import dev.runtimes.server.provider.ProvisionedSandbox;
import dev.runtimes.server.provider.SandboxGoneException;
import dev.runtimes.server.provider.SandboxProvider;
import dev.runtimes.server.provider.SandboxSpec;
import dev.runtimes.server.provider.SandboxStatus;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each sandbox as a process of this machine, in a process group of its own, serving HTTP on
 * a free loopback port. Pause stops the group (SIGSTOP), resume continues it (SIGCONT), kill ends
 * it (SIGTERM, then SIGKILL after the grace period). Each call returns once the process is in the
 * state asked for, as {@code /proc} shows it.
 */
@ApplicationScoped
@Identifier("local")
public class LocalProvider implements SandboxProvider {
    private static final Duration LISTEN_POLL = Duration.ofMillis(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);
    private static final Duration STATE_POLL = Duration.ofMillis(5);
    private static final Duration FORCED_EXIT = Duration.ofSeconds(5);

    private final ProcessSignals signals = new ProcessSignals();
    private final List<String> command;
    private final Path logs;
    private final Duration killGrace;

    LocalProvider(RuntimesConfig config) {
        RuntimesConfig.Local local = config.provider().local();
        Path directory = local.directory()
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "runtimes-local-provider"))
                .toAbsolutePath();
        this.logs = directory.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("the local provider cannot use " + directory, e);
        }
        this.command = signals.leading(SandboxProgram.command(local.command(), directory));
        this.killGrace = local.killGrace();
    }

    @Override
    public ProvisionedSandbox provision(SandboxSpec spec) {
        int port = freePort();
        Process process = start(spec, port);
        LocalSandboxId id = LocalSandboxId.of(process.toHandle());
        try {
            awaitListening(process, port);
            return new ProvisionedSandbox(id.toString(), "http://127.0.0.1:" + port);
        } catch (InterruptedException e) {
            end(id, process.toHandle());
            Thread.currentThread().interrupt();
            throw new ProviderException("the start was abandoned", id.toString(), e);
        } catch (ProviderException e) {
            end(id, process.toHandle());
            throw new ProviderException(e.getMessage(), id.toString(), e);
        }
    }

    @Override
    public void pause(String providerSandboxId) {
        LocalSandboxId id = live(providerSandboxId);
        signal(id, "STOP");
        awaitState(id, true);
    }

    @Override
    public void resume(String providerSandboxId) {
        LocalSandboxId id = live(providerSandboxId);
        signal(id, "CONT");
        awaitState(id, false);
    }

    @Override
    public void kill(String providerSandboxId) {
        Optional<LocalSandboxId> id = LocalSandboxId.parse(providerSandboxId);
        Optional<ProcessHandle> process = id.flatMap(LocalSandboxId::process);
        if (process.isEmpty()) {
            return;
        }
        // A stopped process only acts on SIGTERM once it is continued.
        signals.send(id.get().pid(), "TERM");
        signals.send(id.get().pid(), "CONT");
        if (!exited(process.get(), killGrace)) {
            end(id.get(), process.get());
        }
        // Whatever the group leader left behind goes with it.
        signals.send(id.get().pid(), "KILL");
    }

    @Override
    public SandboxStatus inspect(String providerSandboxId) {
        Optional<LocalSandboxId> id = LocalSandboxId.parse(providerSandboxId);
        if (id.flatMap(LocalSandboxId::process).isEmpty()) {
            return SandboxStatus.GONE;
        }
        return ProcessSignals.state(id.get().pid())
                .map(state -> switch (state) {
                    case 'T', 't' -> SandboxStatus.PAUSED;
                    case 'Z', 'X', 'x' -> SandboxStatus.GONE;
                    default -> SandboxStatus.RUNNING;
                })
                .orElse(SandboxStatus.RUNNING);
    }

    private Process start(SandboxSpec spec, int port) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logs.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(spec.sandboxId() + ".log").toFile());
        // The sandbox sees PATH and what its runtime asks for, never the server's own secrets.
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(spec.env());
        env.put("PORT", Integer.toString(port));
        env.put("RUNTIMES_SANDBOX_ID", spec.sandboxId().toString());
        env.put("RUNTIMES_SANDBOX_TOKEN_SHA256", spec.tokenHash());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new ProviderException("the sandbox command could not be started", null, e);
        }
    }

    private static void awaitListening(Process process, int port) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (true) {
            if (!process.isAlive()) {
                throw new ProviderException("the sandbox process exited with code " + process.exitValue()
                        + " before it listened on its port");
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
                return;
            } catch (IOException notYet) {
                Thread.sleep(LISTEN_POLL.toMillis());
            }
        }
    }

    private LocalSandboxId live(String providerSandboxId) {
        return LocalSandboxId.parse(providerSandboxId)
                .filter(id -> id.process().isPresent())
                .orElseThrow(() -> new SandboxGoneException("the sandbox process no longer exists", providerSandboxId));
    }

    private void signal(LocalSandboxId id, String signal) {
        if (!signals.send(id.pid(), signal) && id.process().isEmpty()) {
            throw new SandboxGoneException("the sandbox process no longer exists", id.toString());
        }
    }

    /** Waits until the process is stopped ({@code stopped}) or not; the caller's timeout bounds it. */
    private void awaitState(LocalSandboxId id, boolean stopped) {
        while (true) {
            SandboxStatus status = inspect(id.toString());
            if (status == SandboxStatus.GONE) {
                throw new SandboxGoneException("the sandbox process no longer exists", id.toString());
            }
            if ((status == SandboxStatus.PAUSED) == stopped) {
                return;
            }
            try {
                Thread.sleep(STATE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException("the sandbox process did not change state in time");
            }
        }
    }

    /** SIGKILL for the group, and wait until the process is gone, even when interrupted. */
    private void end(LocalSandboxId id, ProcessHandle process) {
        boolean interrupted = Thread.interrupted();
        signals.send(id.pid(), "KILL");
        boolean gone = exited(process, FORCED_EXIT);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!gone) {
            throw new ProviderException("the sandbox process did not end after SIGKILL", id.toString(), null);
        }
    }

    private static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ProviderException("no free loopback port", null, e);
        }
    }
}
