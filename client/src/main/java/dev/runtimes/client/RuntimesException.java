package dev.runtimes.client;

/**
 * Base of every exception the runtimes client throws. Unchecked, so that calls read as one line
 * and auto-paging streams can fail with it.
 *
 * <p>Catch {@link RuntimesApiException} (or one of its subclasses) for answers the server gave,
 * {@link RuntimesConnectionException} for requests that got no answer. An instance of this class
 * itself means the client could not use an answer (a success body that is not the documented
 * JSON) or was interrupted.
 */
public class RuntimesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RuntimesException(String message, Throwable cause) {
        super(message, cause);
    }

    RuntimesException(String message) {
        super(message);
    }

    /** Whether the same request may succeed when sent again after a pause. */
    boolean transientFailure() {
        return false;
    }
}
