package dev.runtimes.client;

/** 400: the request is malformed, e.g. a cursor that was altered or issued for other filters. */
public class InvalidRequestException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    InvalidRequestException(ApiError error) {
        super(error);
    }
}
