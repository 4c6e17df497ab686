package dev.runtimes.server.domain;

import java.sql.SQLException;

/** The database failed or did not answer in time; the SQL text stays in the log, never in an answer. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause);
    }

    /** Whether the database gave up on the statement because it ran too long. */
    public boolean isTimeout() {
        return getCause() instanceof java.sql.SQLTimeoutException
                || "57014".equals(((SQLException) getCause()).getSQLState());
    }
}
