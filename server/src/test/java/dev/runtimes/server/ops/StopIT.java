package dev.runtimes.server.ops;

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
 * Ctrl-C in a terminal (SIGINT) while a sweep waits on the database: the sweep ends before the
 * datasource closes, the stop logs one line and no error, and the process is gone within 2 s. The
 * sweep is held for real: the test locks the runtimes table that the pause sweep reads.
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
}
