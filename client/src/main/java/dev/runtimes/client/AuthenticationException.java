package dev.runtimes.client;

/** 401: no token, or one that is malformed, unknown, revoked or expired. */
public class AuthenticationException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    AuthenticationException(ApiError error) {
        super(error);
    }
}
