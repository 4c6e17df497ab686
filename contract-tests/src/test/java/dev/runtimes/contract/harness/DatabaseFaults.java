package dev.runtimes.contract.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** The trigger (and its function) of {@link #whileWritesRefused}. */
    private static final String REFUSE_WRITES = "contract_refuse_writes";

    /** A safety net only: the waits end as soon as the answers come. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

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
        return whileLocked(List.of(table), List.of(request)).get(0);
    }

    /**
     * Sends the requests at once while another session holds an exclusive lock on the tables, so
     * their statements time out side by side; the answers in the order of the requests.
     */
    public List<Outcome> whileLocked(List<String> tables, List<Supplier<Outcome>> requests) {
        try (Connection lock = connect()) {
            lockExclusively(lock, tables);
            try {
                return answers(sendAll(requests));
            } finally {
                lock.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock " + tables, e);
        }
    }

    /**
     * Sends the request while {@code table} is locked and, once the server's statement waits on
     * the lock, ends that server session the way an administrator or a failover does.
     */
    public Outcome whileSessionTerminated(String table, Supplier<Outcome> request) {
        return whileSessionsTerminated(List.of(table), List.of(request)).get(0);
    }

    /**
     * Sends the requests at once while the tables are locked and ends every server session that
     * waits on the lock, until every request is answered.
     */
    public List<Outcome> whileSessionsTerminated(List<String> tables, List<Supplier<Outcome>> requests) {
        try (Connection lock = connect()) {
            lockExclusively(lock, tables);
            try {
                List<CompletableFuture<Outcome>> answers = sendAll(requests);
                try (Connection admin = connect()) {
                    admin.setAutoCommit(true);
                    int ended = terminateWaitingSessions(admin, backendPid(lock), answers);
                    if (ended == 0) {
                        throw new IllegalStateException(
                                "No server statement waited on " + tables + "; the answers were " + answers(answers));
                    }
                }
                return answers(answers);
            } finally {
                lock.rollback();
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("Cannot end the server's sessions on " + tables, e);
        }
    }

    /**
     * Sends the requests at once while every write to the tables is refused by a rule of the
     * database the server does not know (a trigger, as a DBA's freeze or a newer migration's check
     * would be) with PostgreSQL's {@code raise_exception}, an error the server has no mapping for.
     * The trigger is gone afterwards.
     */
    public List<Outcome> whileWritesRefused(List<String> tables, List<Supplier<Outcome>> requests) {
        try (Connection admin = connect()) {
            admin.setAutoCommit(false);
            try (Statement statement = admin.createStatement()) {
                statement.execute("create or replace function " + REFUSE_WRITES + "() returns trigger"
                        + " language plpgsql as $$ begin raise exception 'writes to % are refused', tg_table_name;"
                        + " end $$");
                for (String table : tables) {
                    statement.execute("create or replace trigger " + REFUSE_WRITES
                            + " before insert or update or delete on " + table
                            + " for each row execute function " + REFUSE_WRITES + "()");
                }
            }
            admin.commit();
            try {
                return answers(sendAll(requests));
            } finally {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("drop function " + REFUSE_WRITES + "() cascade");
                }
                admin.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot refuse the writes to " + tables, e);
        }
    }

    /**
     * Sends the requests at once while the row {@code id} of {@code table} holds in {@code column}
     * a value this server version does not know, as a newer version writes it during a rolling
     * upgrade or before a rollback: the column's CHECK constraints are dropped for the time, and
     * the old value and the constraints restored afterwards.
     */
    public List<Outcome> whileRowHolds(
            String table, String column, String value, String id, List<Supplier<Outcome>> requests) {
        try (Connection admin = connect()) {
            admin.setAutoCommit(false);
            Map<String, String> checks = checks(admin, table, column);
            String old = value(admin, table, column, id);
            try (Statement statement = admin.createStatement()) {
                for (String check : checks.keySet()) {
                    statement.execute("alter table " + table + " drop constraint " + check);
                }
            }
            setValue(admin, table, column, id, value);
            admin.commit();
            try {
                return answers(sendAll(requests));
            } finally {
                setValue(admin, table, column, id, old);
                try (Statement statement = admin.createStatement()) {
                    for (Map.Entry<String, String> check : checks.entrySet()) {
                        statement.execute(
                                "alter table " + table + " add constraint " + check.getKey() + " " + check.getValue());
                    }
                }
                admin.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + value + " into " + table + "." + column, e);
        }
    }

    /**
     * Moves the events of a runtime back in time by {@code age}, as if they had happened that long
     * ago: what the server's retention sees of them once that time has passed.
     */
    public void ageEvents(String runtimeId, Duration age) {
        try (Connection admin = connect();
                PreparedStatement update = admin.prepareStatement("update runtime_events"
                        + " set occurred_at = occurred_at - ? * interval '1 second' where runtime_id = ?::uuid")) {
            update.setLong(1, age.toSeconds());
            update.setString(2, runtimeId);
            if (update.executeUpdate() == 0) {
                throw new IllegalStateException("No event of runtime " + runtimeId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot age the events of " + runtimeId, e);
        }
    }

    /** Waits until the server has deleted every event of the runtime (its retention purge), up to {@code within}. */
    public void awaitEventsDeleted(String runtimeId, Duration within) {
        Instant deadline = Instant.now().plus(within);
        try (Connection admin = connect();
                PreparedStatement count =
                        admin.prepareStatement("select count(*) from runtime_events where runtime_id = ?::uuid")) {
            count.setString(1, runtimeId);
            while (true) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The events of " + runtimeId + " were not purged within " + within);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the events of " + runtimeId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CHECK constraints on the column: each name and its definition. */
    private static Map<String, String> checks(Connection connection, String table, String column) throws SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select c.conname, pg_get_constraintdef(c.oid)"
                + " from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)"
                + " where c.conrelid = ?::regclass and c.contype = 'c' and a.attname = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    checks.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return checks;
    }

    private static String value(Connection connection, String table, String column, String id) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select " + column + " from " + table + " where id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No row " + id + " in " + table);
                }
                return rs.getString(1);
            }
        }
    }

    private static void setValue(Connection connection, String table, String column, String id, String value)
            throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("update " + table + " set " + column + " = ? where id = ?::uuid")) {
            update.setString(1, value);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** One thread per request: the common pool of a small machine would send them one by one. */
    private static List<CompletableFuture<Outcome>> sendAll(List<Supplier<Outcome>> requests) {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            return requests.stream()
                    .map(request -> CompletableFuture.supplyAsync(request, threads))
                    .toList();
        } finally {
            threads.shutdown();
        }
    }

    private static List<Outcome> answers(List<CompletableFuture<Outcome>> answers) {
        return answers.stream().map(DatabaseFaults::answer).toList();
    }

    private static Outcome answer(CompletableFuture<Outcome> answer) {
        try {
            return answer.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failed
                    ? failed
                    : new IllegalStateException("The request failed", e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("No answer within " + ANSWER_WITHIN, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, null);
    }

    private static void lockExclusively(Connection connection, List<String> tables) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + String.join(", ", tables) + " in access exclusive mode");
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Ends each session that waits for our lock, polled (PostgreSQL announces nothing) until every
     * answer has come; the number of sessions ended.
     */
    private static int terminateWaitingSessions(Connection admin, int lockPid, List<CompletableFuture<Outcome>> answers)
            throws SQLException, InterruptedException {
        int ended = 0;
        Instant deadline = Instant.now().plus(ANSWER_WITHIN);
        try (PreparedStatement waiting = admin.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            waiting.setInt(1, lockPid);
            while (!answers.stream().allMatch(CompletableFuture::isDone)
                    && Instant.now().isBefore(deadline)) {
                try (ResultSet rs = waiting.executeQuery()) {
                    while (rs.next()) {
                        ended++;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        return ended;
    }
}
