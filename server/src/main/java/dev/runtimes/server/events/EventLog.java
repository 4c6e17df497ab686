package dev.runtimes.server.events;

import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.RuntimePageQuery;
import dev.runtimes.server.domain.RuntimeRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the event of a change in the change's own transaction, so that an event exists if and
 * only if its change committed.
 *
 * <p>The event's number is taken last in the transaction, from the workspace's row of {@code
 * event_sequences}, which stays locked until the transaction ends: the next change of the workspace
 * waits there for this one to commit before it gets the next number. Numbers are therefore
 * assigned in commit order, and a reader that reads the events after the last number it saw never
 * sees a later number before an earlier one has committed. What a change waits for is only the
 * end of the transaction after its own number: the snapshot read and the event's insert.
 */
@ApplicationScoped
public class EventLog {
    /** The actor of a change the service made on its own (an automatic pause, a sandbox found gone). */
    public static final String SYSTEM = "system";

    static final String CHANNEL = "runtime_events";

    private final RuntimePageQuery query;
    private final Rows rows;
    private final TransactionSynchronizationRegistry transactions;
    private final EventHub hub;
    private final boolean postgresql;

    EventLog(
            RuntimePageQuery query,
            Rows rows,
            TransactionSynchronizationRegistry transactions,
            EventHub hub,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.query = query;
        this.rows = rows;
        this.transactions = transactions;
        this.hub = hub;
        this.postgresql = dbKind.startsWith("postgres");
    }

    /**
     * Records that {@code runtime} changed at {@code at}, by {@code actor}; call it last in the
     * change's transaction, once the change is written. The event carries the runtime's list row as
     * the change left it, none for a deletion.
     */
    public void record(EventType type, Runtime runtime, String actor, Instant at) {
        RuntimeRow row = type == EventType.RUNTIME_DELETED
                ? null
                : query.one(runtime.workspaceId, runtime.id).orElseThrow();
        long seq = nextSeq(runtime.workspaceId);
        rows.update(
                "insert into runtime_events (workspace_id, seq, id, type, occurred_at, runtime_id, runtime_key, actor,"
                        + " pause_reason, runtime) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runtime.workspaceId,
                seq,
                UUID.randomUUID(),
                type.wire(),
                Rows.timestamp(at),
                runtime.id,
                runtime.key,
                actor,
                type == EventType.SANDBOX_PAUSED ? row.sandbox().pauseReason() : null,
                row == null ? null : RowSnapshots.write(row));
        wakeAtCommit(runtime.workspaceId);
    }

    private long nextSeq(UUID workspaceId) {
        String increment = "update event_sequences set last_seq = last_seq + 1 where workspace_id = ?";
        if (rows.update(increment, workspaceId) == 0) {
            rows.update(
                    "insert into event_sequences (workspace_id, last_seq, purged_seq) values (?, 0, 0)"
                            + " on conflict do nothing",
                    workspaceId);
            rows.update(increment, workspaceId);
        }
        return rows.number("select last_seq from event_sequences where workspace_id = ?", workspaceId);
    }

    /**
     * Wakes the streams of the workspace once the transaction has committed: on every replica
     * through PostgreSQL's NOTIFY (delivered at commit, never for a rollback), on this one also
     * directly, which is all there is on H2.
     */
    private void wakeAtCommit(UUID workspaceId) {
        if (postgresql) {
            rows.first("select pg_notify(?, ?)", rs -> true, CHANNEL, workspaceId.toString());
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    hub.wake(workspaceId);
                }
            }
        });
    }
}
