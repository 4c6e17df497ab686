package dev.runtimes.client;

import java.time.Duration;

/**
 * Waits between retries. The client uses {@link Thread#sleep}; tests give one that records the
 * waits instead, to check retry timing without waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @param duration how long to wait, never negative
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
