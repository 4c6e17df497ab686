package dev.runtimes.client;

/** 429 with type {@code insufficient_credits_error}: the organization has no credits left. Never retried. */
public class InsufficientCreditsException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    InsufficientCreditsException(ApiError error) {
        super(error);
    }
}
