package dev.runtimes.contract.harness;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Holds the start of a local sandbox until the scenario lets it go, so that a transition holds
 * its runtime across the provider call exactly as long as the scenario needs, without a race.
 *
 * <p>The gate is a named pipe. A runtime whose configuration gives its sandbox
 * {@code JDK_JAVA_OPTIONS=@<pipe>} has the built-in sandbox program's Java launcher read its
 * options from the pipe before the program starts: the launcher opening the pipe is the moment
 * the transition waits on the provider, and closing the pipe's other end lets it go on. Only for
 * servers whose local provider runs its built-in program on this machine.
 */
public final class SandboxGate implements AutoCloseable {
    /** A safety net only: the waits end as soon as the sandbox or the answer comes. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The answers of the held transition and of the call sent while it was held. */
    public record Answers(Outcome held, Outcome during) {}

    private final Path directory;
    private final Path pipe;

    private SandboxGate(Path directory) {
        this.directory = directory;
        this.pipe = directory.resolve("gate");
    }

    public static SandboxGate create() {
        try {
            SandboxGate gate = new SandboxGate(Files.createTempDirectory("contract-sandbox-gate"));
            Process mkfifo = new ProcessBuilder("mkfifo", gate.pipe.toString())
                    .inheritIO()
                    .start();
            if (mkfifo.waitFor() != 0) {
                throw new IllegalStateException("mkfifo " + gate.pipe + " failed");
            }
            return gate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The environment variable a runtime's configuration gives its sandbox to wait at the gate. */
    public Map.Entry<String, String> env() {
        return Map.entry("JDK_JAVA_OPTIONS", "@" + pipe);
    }

    /**
     * Sends {@code transition} and, once its sandbox waits at the gate, {@code during}; then lets
     * the sandbox go on. Fails when the transition is answered without its sandbox reaching the gate.
     */
    public Answers hold(Supplier<Outcome> transition, Supplier<Outcome> during) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Outcome> held = CompletableFuture.supplyAsync(transition, threads);
            CompletableFuture<OutputStream> waiting = CompletableFuture.supplyAsync(this::openWhenRead, threads);
            CompletableFuture.anyOf(held, waiting).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!waiting.isDone()) {
                throw new IllegalStateException(
                        "No sandbox waited at the gate; the transition was answered: " + held.getNow(null));
            }
            Outcome answer;
            try (OutputStream open = waiting.join()) {
                answer = during.get();
            }
            return new Answers(held.get(WAIT.toSeconds(), TimeUnit.SECONDS), answer);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No sandbox waited at the gate within " + WAIT, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failed
                    ? failed
                    : new IllegalStateException("The transition failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            openPipeForAnyoneStillWaiting();
            threads.shutdownNow();
        }
    }

    /** Opening a pipe for writing returns once a reader opened it: the sandbox waits at the gate. */
    private OutputStream openWhenRead() {
        try {
            return new FileOutputStream(pipe.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opened for reading and writing, a pipe lets a waiting writer or reader go on at once. */
    private void openPipeForAnyoneStillWaiting() {
        try {
            new RandomAccessFile(pipe.toFile(), "rw").close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(pipe);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
