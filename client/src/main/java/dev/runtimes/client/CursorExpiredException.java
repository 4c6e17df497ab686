package dev.runtimes.client;

/**
 * 410: the cursor points before the oldest event the server still keeps; the events in between are
 * gone. Start again without a cursor and reconcile with the list of runtimes.
 */
public class CursorExpiredException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    CursorExpiredException(ApiError error) {
        super(error);
    }
}
