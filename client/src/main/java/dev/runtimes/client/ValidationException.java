package dev.runtimes.client;

/** 422: a parameter or the body breaks the rules of the API; {@link #validationErrors()} says which. */
public class ValidationException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    ValidationException(ApiError error) {
        super(error);
    }
}
