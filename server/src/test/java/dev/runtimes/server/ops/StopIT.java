package dev.runtimes.server.ops;

import static dev.runtimes.server.SandboxProcesses.gone;
import static dev.runtimes.server.SandboxProcesses.killBehindTheServersBack;
import static dev.runtimes.server.SandboxProcesses.pid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server. Ctrl-C in a terminal (SIGINT) while a sweep waits on the database: the sweep
 * ends before the datasource closes, the stop logs one line and no error, and the process is gone
 * within 2 s; the sweep is held for real, the test locks the runtimes table that the pause sweep
 * reads. And what becomes of a running sandbox: it outlives the server, unless
 * {@code runtimes.provider.kill-at-shutdown} is on.
 */
class StopIT {
    /** How long the lock is kept after the signal: the stop has begun and must wait for the sweep. */
    private static final Duration HELD_AFTER_SIGNAL = Duration.ofMillis(500);

    ServerProcess server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sigintDuringASweepStopsAtOnceWithOneLineAndNoError() throws Exception {
        server = ServerProcess.start(Map.of("runtimes.expiry.sweep-interval", "1s"));
        int linesBefore;
        long signalled;
        try (Connection lock = TableLocks.connect()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table runtimes in access exclusive mode");
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> TableLocks.aQueryWaits(lock, "%from runtimes r where r.status%"));
            linesBefore = server.lines().size();

            signalled = System.nanoTime();
            server.interrupt();
            Thread.sleep(HELD_AFTER_SIGNAL.toMillis());
            lock.rollback();
        }

        assertThat(server.awaitExit(Duration.ofSeconds(2).minus(Duration.ofNanos(System.nanoTime() - signalled))))
                .isTrue();
        List<String> stop = server.lines().subList(linesBefore, server.lines().size());
        assertThat(stop).singleElement().asString().contains("stopped in");
        assertThat(server.lines()).noneMatch(line -> line.contains("\"level\":\"ERROR\""));
    }

    @Test
    void aRunningSandboxOutlivesTheServerByDefault() throws Exception {
        server = ServerProcess.start(Map.of());
        long sandbox = startASandbox();

        server.terminate();

        assertThat(server.awaitExit(Duration.ofSeconds(30))).isTrue();
        assertThat(gone(sandbox)).as("the sandbox process is gone").isFalse();
        killBehindTheServersBack(sandbox);
    }

    @Test
    void killAtShutdownEndsTheRunningSandboxBeforeTheServerExits() throws Exception {
        server = ServerProcess.start(Map.of("runtimes.provider.kill-at-shutdown", "true"));
        long sandbox = startASandbox();

        server.terminate();

        assertThat(server.awaitExit(Duration.ofSeconds(30))).isTrue();
        assertThat(gone(sandbox)).as("the sandbox process is gone").isTrue();
    }

    /** A running sandbox of a new organization's runtime; its process id. */
    private long startASandbox() {
        String org = OperatorSurface.organization(server, 1_000_000L);
        String token = OperatorSurface.ownerKey(server, org);
        String runtimes = "/api/v1/org/" + org + "/ws/main/runtimes";
        given().port(server.port())
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body("{\"key\":\"kept\",\"name\":\"Kept\"}")
                .post(runtimes)
                .then()
                .statusCode(201);
        String providerSandboxId = given().port(server.port())
                .header("Authorization", "Bearer " + token)
                .post(runtimes + "/kept/start")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("runtime.instance.provider_sandbox_id");
        return pid(providerSandboxId);
    }
}
