package dev.runtimes.server.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A connection to the test database that holds a table lock, and what waits on it. */
final class TableLocks {
    private TableLocks() {}

    static Connection connect() throws SQLException {
        String database = System.getenv().getOrDefault("RUNTIMES_TEST_DB", "runtimes_test");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    /** Whether a statement of the server matching {@code like} waits for a lock of this connection. */
    static boolean aQueryWaits(Connection lock, String like) throws SQLException {
        // The lock's transaction stays open, and PostgreSQL keeps one snapshot of the activity
        // view per transaction: clear it, or the first look is the only one.
        try (Statement clear = lock.createStatement()) {
            clear.execute("select pg_stat_clear_snapshot()");
        }
        try (PreparedStatement waiting = lock.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and wait_event_type = 'Lock' and query like ?")) {
            waiting.setString(1, like);
            try (ResultSet rs = waiting.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
