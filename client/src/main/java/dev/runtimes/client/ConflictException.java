package dev.runtimes.client;

/** 409: the request conflicts with the current state of a resource. */
public class ConflictException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    ConflictException(ApiError error) {
        super(error);
    }
}
