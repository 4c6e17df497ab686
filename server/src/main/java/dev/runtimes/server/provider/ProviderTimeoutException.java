package dev.runtimes.server.provider;

import java.time.Duration;

/** A provider call took longer than the configured timeout and was abandoned. */
public class ProviderTimeoutException extends ProviderException {
    private final Duration timeout;

    public ProviderTimeoutException(Duration timeout) {
        super("no answer within " + timeout.toSeconds() + " seconds");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
