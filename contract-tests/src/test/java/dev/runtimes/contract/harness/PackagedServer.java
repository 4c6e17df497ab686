package dev.runtimes.contract.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code server/target/quarkus-app/quarkus-run.jar}) run as a real process,
 * as an operator runs it: {@code java -jar} with settings as system properties, on a port the
 * operating system picks ({@code quarkus.http.port=0}); the port is read from Quarkus' start line.
 * Its output goes to a log file beside the test reports.
 */
public final class PackagedServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");
    private static final Duration START_WITHIN = Duration.ofSeconds(90);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(20);

    private final Process process;
    private final String baseUrl;

    private PackagedServer(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    public static PackagedServer start(Path jar, Map<String, String> settings, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " does not exist: package the server first (./mvnw verify builds it)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=0");
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            CompletableFuture<String> listening = copyOutput(process, log);
            try {
                return new PackagedServer(process, listening.get(START_WITHIN.toSeconds(), TimeUnit.SECONDS));
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                stop(process);
                throw new IllegalStateException("The packaged server did not start; see " + log, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Copies the output to the log and completes with the base URL once Quarkus listens. */
    private static CompletableFuture<String> copyOutput(Process process, Path log) {
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread copier = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            Writer out = Files.newBufferedWriter(log)) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            out.write(line);
                            out.write('\n');
                            out.flush();
                            Matcher matcher = LISTENING.matcher(line);
                            if (matcher.find()) {
                                listening.complete(matcher.group(1));
                            }
                        }
                        listening.completeExceptionally(
                                new IllegalStateException("The server exited with " + process.waitFor()));
                    } catch (IOException | InterruptedException e) {
                        listening.completeExceptionally(e);
                    }
                },
                "packaged-server-output");
        copier.setDaemon(true);
        copier.start();
        return listening;
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
