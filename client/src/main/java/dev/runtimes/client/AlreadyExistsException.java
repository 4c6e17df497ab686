package dev.runtimes.client;

/** 409 with type {@code already_exists_error}: a resource with that key already exists. */
public class AlreadyExistsException extends ConflictException {
    private static final long serialVersionUID = 1L;

    AlreadyExistsException(ApiError error) {
        super(error);
    }
}
