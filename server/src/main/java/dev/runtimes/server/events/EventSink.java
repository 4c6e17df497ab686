package dev.runtimes.server.events;

import java.util.concurrent.CompletionStage;

/** Where a stream's events go: the connection of one client. */
public interface EventSink {
    /** Sends the event; the stage completes once it is written to the connection. */
    CompletionStage<?> send(StoredEvent event);

    /** Sends a comment line; the stage completes once it is written. */
    CompletionStage<?> comment(String text);

    boolean isClosed();

    void close();
}
