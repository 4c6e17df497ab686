package dev.runtimes.server.web.errors;

import dev.runtimes.server.error.ErrorKind;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Whether a failure, wherever it surfaced (a statement of a request stage, a service or an operator
 * operation, wrapped by a transaction), is the database's: a statement it gave up on in time is a
 * 504, a connection it lost or refused a 502. Any other database error is ours and stays a 500.
 */
final class DatabaseFailures {
    /** PostgreSQL's query_canceled: the statement timeout fired. */
    private static final String QUERY_CANCELED = "57014";
    /** SQL's connection exceptions. */
    private static final String CONNECTION_CLASS = "08";
    /** PostgreSQL's operator intervention: the session was ended, the server shuts down or starts. */
    private static final String ENDED_SESSION_CLASS = "57P";
    /** Causes are few; the bound only guards against a cycle. */
    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {}

    static Optional<ErrorKind> of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTimeoutException || hasState(cause, QUERY_CANCELED)) {
                return Optional.of(ErrorKind.GATEWAY_TIMEOUT);
            }
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || hasState(cause, CONNECTION_CLASS)
                    || hasState(cause, ENDED_SESSION_CLASS)) {
                return Optional.of(ErrorKind.BAD_GATEWAY);
            }
        }
        return Optional.empty();
    }

    private static boolean hasState(Throwable cause, String prefix) {
        return cause instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith(prefix);
    }
}
