package dev.runtimes.client;

/**
 * The request got no answer: the connection could not be made, broke, or the answer did not
 * come within the request timeout. Thrown once the retry policy gives up.
 */
public class RuntimesConnectionException extends RuntimesException {
    private static final long serialVersionUID = 1L;

    RuntimesConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    boolean transientFailure() {
        return true;
    }
}
