package dev.runtimes.server.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The newest events of one workspace, read once for all the streams of the workspace on this
 * replica: a wake reads the events after the newest one held (one statement, whatever the number
 * of streams) and pumps every stream. The last {@code RECENT} events stay in memory; a stream
 * further behind (one that resumes from an older cursor) reads its events from the table itself.
 */
final class Tail {
    private static final Logger LOG = Logger.getLogger(Tail.class);
    static final int RECENT = 1024;
    private static final int BATCH = 500;

    private final UUID workspaceId;
    private final EventStore store;
    private final Executor executor;
    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    private final ArrayDeque<StoredEvent> recent = new ArrayDeque<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Every event up to here has been read; {@code recent} holds those after {@code recentFrom}. */
    private long head;

    private long recentFrom;

    Tail(UUID workspaceId, long head, EventStore store, Executor executor) {
        this.workspaceId = workspaceId;
        this.head = head;
        this.recentFrom = head;
        this.store = store;
        this.executor = executor;
    }

    UUID id() {
        return workspaceId;
    }

    void add(Subscription subscription) {
        subscriptions.add(subscription);
    }

    void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    boolean idle() {
        return subscriptions.isEmpty();
    }

    Set<Subscription> subscriptions() {
        return subscriptions;
    }

    /** New events may have committed: read them once, then pump every stream. */
    void wake() {
        again.set(true);
        if (reading.compareAndSet(false, true)) {
            executor.execute(this::read);
        }
    }

    /** Up to {@code limit} events after {@code cursor}, from memory when they are still held. */
    List<StoredEvent> after(long cursor, int limit) {
        long upTo;
        synchronized (this) {
            if (cursor >= recentFrom) {
                List<StoredEvent> found = new ArrayList<>();
                for (StoredEvent event : recent) {
                    if (event.seq() > cursor) {
                        found.add(event);
                        if (found.size() == limit) {
                            break;
                        }
                    }
                }
                return found;
            }
            upTo = head;
        }
        return store.after(workspaceId, cursor, upTo, EventFilter.ALL, limit);
    }

    private void read() {
        try {
            while (again.getAndSet(false)) {
                readNew();
                subscriptions.forEach(Subscription::pump);
            }
        } catch (RuntimeException e) {
            // The database may be away for a while; the next wake reads again from where this stopped.
            LOG.warnf(e, "Could not read the new events of workspace %s", workspaceId);
        } finally {
            reading.set(false);
        }
        if (again.get() && reading.compareAndSet(false, true)) {
            executor.execute(this::read);
        }
    }

    private void readNew() {
        long upTo = store.bounds(workspaceId).last();
        List<StoredEvent> events;
        do {
            long from;
            synchronized (this) {
                from = head;
            }
            events = store.after(workspaceId, from, upTo, EventFilter.ALL, BATCH);
            synchronized (this) {
                for (StoredEvent event : events) {
                    recent.addLast(event);
                    head = event.seq();
                }
                while (recent.size() > RECENT) {
                    recentFrom = recent.removeFirst().seq();
                }
            }
        } while (events.size() == BATCH);
        synchronized (this) {
            head = Math.max(head, upTo);
        }
    }
}
