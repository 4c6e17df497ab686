package dev.runtimes.client;

/** 500: the server failed; {@link #detail()} carries an incident id to quote. Never retried. */
public class ServerErrorException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    ServerErrorException(ApiError error) {
        super(error);
    }
}
