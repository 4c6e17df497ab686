package dev.runtimes.server.domain;

import java.sql.SQLException;

/**
 * A statement of our own JDBC failed; the SQL text stays in the log, never in an answer. Whether
 * the database timed out or went away is read from the cause where failures are answered.
 */
public class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause);
    }
}
