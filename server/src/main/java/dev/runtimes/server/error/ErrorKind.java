package dev.runtimes.server.error;

/** Every kind of failure the API reports, with its HTTP status and stable error type. */
public enum ErrorKind {
    INVALID_REQUEST(400, "invalid_request_error"),
    AUTHENTICATION(401, "authentication_error"),
    FORBIDDEN(403, "forbidden_error"),
    NOT_FOUND(404, "not_found_error"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed_error"),
    CONFLICT(409, "conflict_error"),
    ALREADY_EXISTS(409, "already_exists_error"),
    CURSOR_EXPIRED(410, "cursor_expired_error"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large_error"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type_error"),
    VALIDATION(422, "validation_error"),
    UPGRADE_REQUIRED(426, "upgrade_required_error"),
    RATE_LIMIT(429, "rate_limit_error"),
    INSUFFICIENT_CREDITS(429, "insufficient_credits_error"),
    INTERNAL(500, "internal_error"),
    BAD_GATEWAY(502, "bad_gateway_error"),
    GATEWAY_TIMEOUT(504, "gateway_timeout_error");

    private final int status;
    private final String type;

    ErrorKind(int status, String type) {
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
