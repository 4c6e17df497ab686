package dev.runtimes.client;

/** 502 or 504: a service behind the server (sandbox provider, database) failed or did not answer in time. Retried by the {@link RetryPolicy}. */
public class UpstreamException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    UpstreamException(ApiError error) {
        super(error);
    }

    @Override
    boolean transientFailure() {
        return true;
    }
}
