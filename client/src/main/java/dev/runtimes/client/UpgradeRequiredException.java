package dev.runtimes.client;

/** 426: this client library is older than the oldest version the server accepts; upgrade it. */
public class UpgradeRequiredException extends RuntimesApiException {
    private static final long serialVersionUID = 1L;

    UpgradeRequiredException(ApiError error) {
        super(error);
    }
}
