package dev.runtimes.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits the client asks for instead of waiting. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
