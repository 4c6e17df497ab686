package dev.runtimes.server.events;

import dev.runtimes.server.config.RuntimesConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The open streams of this replica, by workspace. A commit that wrote events wakes its workspace's
 * {@link Tail} (through {@link EventListener} from any replica, or directly from this one), which
 * reads the new events once and pumps the workspace's streams: a thousand streams cost one
 * listening connection and one read per wake and workspace, not a thousand polls.
 */
@ApplicationScoped
public class EventHub {
    private final Map<UUID, Tail> tails = new ConcurrentHashMap<>();
    private final EventStore store;
    private final RuntimesConfig config;
    private final Vertx vertx;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "event-streams");
        thread.setDaemon(true);
        return thread;
    });
    private long keepaliveTimer = -1;

    EventHub(EventStore store, RuntimesConfig config, Vertx vertx) {
        this.store = store;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        keepaliveTimer =
                vertx.setPeriodic(config.events().keepalive().toMillis(), id -> executor.execute(this::keepalive));
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(keepaliveTimer);
        tails.values().forEach(tail -> tail.subscriptions().forEach(Subscription::end));
        executor.shutdown();
    }

    /**
     * Opens a stream of the workspace's events after {@code cursor} that pass {@code filter}. The
     * caller has checked that the cursor is the workspace's and still kept.
     */
    public Subscription subscribe(UUID workspaceId, long cursor, EventFilter filter, EventSink sink) {
        Subscription[] opened = new Subscription[1];
        boolean[] created = new boolean[1];
        // compute: a tail is never dropped as idle between its lookup and this subscription.
        Tail tail = tails.compute(workspaceId, (id, existing) -> {
            Tail current = existing;
            if (current == null) {
                current = new Tail(id, store.bounds(id).last(), store, executor);
                created[0] = true;
            }
            opened[0] = new Subscription(
                    current, cursor, filter, sink, config.events().streamBuffer(), executor);
            current.add(opened[0]);
            return current;
        });
        if (created[0]) {
            // An event that committed while the tail was made woke no one: read once more.
            tail.wake();
        }
        opened[0].pump();
        return opened[0];
    }

    /** New events of the workspace may have committed. */
    void wake(UUID workspaceId) {
        Tail tail = tails.get(workspaceId);
        if (tail != null) {
            tail.wake();
        }
    }

    /** Notifications may have been missed (the listening connection was lost): every tail reads. */
    void wakeAll() {
        tails.values().forEach(Tail::wake);
    }

    private void keepalive() {
        tails.values().forEach(tail -> tail.subscriptions().forEach(Subscription::keepalive));
        tails.keySet().forEach(id -> tails.computeIfPresent(id, (key, tail) -> tail.idle() ? null : tail));
    }

    /** How many streams are open on this replica. */
    public int open() {
        return tails.values().stream().mapToInt(t -> t.subscriptions().size()).sum();
    }
}
