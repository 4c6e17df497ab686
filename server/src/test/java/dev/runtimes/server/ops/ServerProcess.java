package dev.runtimes.server.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code target/quarkus-app}) run as its own process, in the production
 * profile, on the test database, with JSON logs; its console lines are kept for the test and
 * written, as they come, to a file of its own under {@code target/} to read after a failure.
 */
final class ServerProcess implements AutoCloseable {
    static final String OPERATOR_TOKEN = "it-operator-token";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final int POSTGRESQL_PORT = 5432;
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path console;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.console = Path.of("target", "server-process-" + port + ".log");
        this.reader = new Thread(this::readConsole, "server-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** The test database, reached on this machine's {@code port}. */
    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/"
                + System.getenv().getOrDefault("RUNTIMES_TEST_DB", "runtimes_test");
    }

    /** Starts the server with these extra settings, which may replace its {@link #JDBC_URL}, and waits until it is ready. */
    static ServerProcess start(Map<String, String> settings) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests after package");
        }
        int port = freePort();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put(JDBC_URL, jdbcUrl(POSTGRESQL_PORT));
        properties.put("runtimes.admin.token", OPERATOR_TOKEN);
        properties.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        ServerProcess server = new ServerProcess(builder.start(), port);
        try {
            // On a loaded machine (load average above 20 on two cores) a start has taken 80 seconds.
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> server.status("/q/health/ready") == 200);
        } catch (RuntimeException notReady) {
            server.close();
            throw new IllegalStateException("the server did not become ready:\n" + String.join("\n", server.lines));
        }
        return server;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The status of a GET, or -1 when the server does not take the connection. */
    int status(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException refused) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Asks the server to stop, as Kubernetes does: SIGTERM. Through the process handle, because
     * {@link Process#destroy()} also closes the pipe the server's last log lines come through.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Ctrl-C in the terminal the server runs in: SIGINT. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    /** Whether the process ended within {@code timeout}; its console has then been read to the end. */
    boolean awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(timeout.toMillis());
        return true;
    }

    /** The number the pattern's first group finds in the server's Prometheus scrape, or 0 when none. */
    double metric(Pattern pattern) {
        String scrape = given().port(port)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher matcher = pattern.matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** When, by its own clock, the server first logged exactly {@code message} after {@code since}. */
    Optional<Instant> logged(String message, Instant since) {
        for (String line : lines) {
            if (line.startsWith("{")) {
                JsonPath json = JsonPath.from(line);
                Instant at = Instant.parse(json.getString("timestamp"));
                if (at.isAfter(since) && message.equals(json.getString("message"))) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }

    /** A {@code POST} of the operator surface that must answer 201, and its body. */
    JsonPath operator(String path, String body) {
        return given().port(port())
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .contentType("application/json")
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** The file the server's console is written to, line by line. */
    Path console() {
        return console;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readConsole() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(console, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
