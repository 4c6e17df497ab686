package dev.runtimes.client;

/** 403: the token is valid but may not act here, e.g. a key restricted to another workspace. */
public class ForbiddenException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    ForbiddenException(ApiError error) {
        super(error);
    }
}
