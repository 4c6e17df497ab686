package dev.runtimes.client;

/** 404: the organization, workspace or runtime does not exist, or the caller may not know of it. */
public class NotFoundException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    NotFoundException(ApiError error) {
        super(error);
    }
}
