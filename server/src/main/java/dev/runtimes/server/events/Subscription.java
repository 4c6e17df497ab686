package dev.runtimes.server.events;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One open stream: the events of its workspace after its cursor that pass its filter, sent in
 * order. It is pumped by its workspace's tail when new events come and by its own connection when
 * half of what it sent is written; one pump runs at a time. It never has more than {@code buffer}
 * events sent but not yet written to the connection, so a slow reader costs no more memory than
 * that: one that still has that many unwritten when a keepalive is due is cut off with a last
 * comment, and resumes by cursor.
 */
public final class Subscription {
    private static final Logger LOG = Logger.getLogger(Subscription.class);
    static final String CUT_OFF = "cut off: reading too slowly; resume with Last-Event-ID";

    private final Tail tail;
    private final EventFilter filter;
    private final EventSink sink;
    private final int buffer;
    private final Executor executor;
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long cursor;

    Subscription(Tail tail, long cursor, EventFilter filter, EventSink sink, int buffer, Executor executor) {
        this.tail = tail;
        this.cursor = cursor;
        this.filter = filter;
        this.sink = sink;
        this.buffer = buffer;
        this.executor = executor;
    }

    /** Sends what there is to send, on the executor; a pump requested while one runs runs after it. */
    void pump() {
        again.set(true);
        if (pumping.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    /** Sends a keepalive comment, or ends a stream whose connection is gone or stuck. */
    void keepalive() {
        if (ended.get()) {
            return;
        }
        if (sink.isClosed()) {
            end();
        } else if (unwritten.get() >= buffer) {
            cutOff();
        } else {
            track(sink.comment("keepalive"));
        }
    }

    /** Stops sending and closes the connection. */
    public void end() {
        if (ended.compareAndSet(false, true)) {
            tail.unsubscribe(this);
            sink.close();
        }
    }

    boolean ended() {
        return ended.get();
    }

    private void drain() {
        try {
            while (again.getAndSet(false) && !ended.get()) {
                sendAvailable();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "A stream of workspace %s failed; it is closed and the client resumes by cursor", tail.id());
            end();
        } finally {
            pumping.set(false);
        }
        if (again.get() && !ended.get() && pumping.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void sendAvailable() {
        if (sink.isClosed()) {
            end();
            return;
        }
        while (!ended.get()) {
            if (unwritten.get() >= buffer) {
                // Full: the next pump comes when half of it is written.
                return;
            }
            List<StoredEvent> events = tail.after(cursor, buffer - unwritten.get());
            if (events.isEmpty()) {
                return;
            }
            for (StoredEvent event : events) {
                cursor = event.seq();
                if (filter.matches(event)) {
                    track(sink.send(event));
                }
            }
        }
    }

    private void track(CompletionStage<?> write) {
        unwritten.incrementAndGet();
        write.whenComplete((ok, failure) -> {
            if (failure != null) {
                end();
            } else if (unwritten.decrementAndGet() == buffer / 2) {
                pump();
            }
        });
    }

    private void cutOff() {
        if (!ended.get()) {
            LOG.infof(
                    "A stream of workspace %s is cut off: %d events sent are still unwritten after %s",
                    tail.id(), unwritten.get(), "a keepalive interval");
            sink.comment(CUT_OFF);
            end();
        }
    }
}
