package dev.runtimes.contract.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Real database faults under a server the suite started, caused from a second session on the
 * same database: no stub of the server's database access.
 *
 * <p>The server must run with a statement timeout (the bindings set PostgreSQL's
 * {@code statement_timeout} through the JDBC driver's {@code options}, as a deployment would).
 */
public final class DatabaseFaults {
    /** The statement timeout the local bindings give the server's connections. */
    public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);

    /** The driver's {@code options} value that sets it. */
    public static final String DRIVER_OPTIONS = "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis();

    /** A safety net only: the search ends as soon as the answer comes. */
    private static final Duration FIND_BLOCKED_WITHIN = Duration.ofSeconds(30);

    private final String jdbcUrl;
    private final String user;

    public DatabaseFaults(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    /**
     * Sends the request while another session holds an exclusive lock on {@code table}: a
     * statement of the server that reads it waits until its statement timeout cancels it.
     */
    public Outcome whileLocked(String table, Supplier<Outcome> request) {
        try (Connection lock = connect()) {
            lockExclusively(lock, table);
            try {
                return request.get();
            } finally {
                lock.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock " + table, e);
        }
    }

    /**
     * Sends the request while {@code table} is locked and, once the server's statement waits on
     * the lock, ends that server session the way an administrator or a failover does.
     */
    public Outcome whileSessionTerminated(String table, Supplier<Outcome> request) {
        try (Connection lock = connect()) {
            lockExclusively(lock, table);
            try {
                CompletableFuture<Outcome> answer = CompletableFuture.supplyAsync(request);
                try (Connection admin = connect()) {
                    admin.setAutoCommit(true);
                    int pid = waitingServerSession(admin, lock, table, answer)
                            .orElseThrow(() -> new IllegalStateException(
                                    "No server statement waited on " + table + "; the answer was " + answer.join()));
                    try (PreparedStatement terminate = admin.prepareStatement("select pg_terminate_backend(?)")) {
                        terminate.setInt(1, pid);
                        terminate.execute();
                    }
                }
                return answer.get(30, TimeUnit.SECONDS);
            } finally {
                lock.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot end the server's session on " + table, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, null);
    }

    private static void lockExclusively(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + table + " in access exclusive mode");
        }
    }

    /**
     * The session that waits for our lock, polled (PostgreSQL announces nothing) until it shows or
     * the answer comes without it.
     */
    private static Optional<Integer> waitingServerSession(
            Connection admin, Connection lock, String table, CompletableFuture<Outcome> answer)
            throws SQLException, InterruptedException {
        int lockPid;
        try (Statement statement = lock.createStatement();
                ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            lockPid = rs.getInt(1);
        }
        Instant deadline = Instant.now().plus(FIND_BLOCKED_WITHIN);
        try (PreparedStatement waiting = admin.prepareStatement(
                "select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid)) and query ilike ?")) {
            waiting.setInt(1, lockPid);
            waiting.setString(2, "%from " + table + "%");
            while (!answer.isDone() && Instant.now().isBefore(deadline)) {
                try (ResultSet rs = waiting.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getInt(1));
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        return Optional.empty();
    }
}
