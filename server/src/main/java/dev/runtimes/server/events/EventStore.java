package dev.runtimes.server.events;

import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.domain.Uuids;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a workspace's events in their order. */
@ApplicationScoped
public class EventStore {
    private static final String COLUMNS =
            "select seq, id, type, occurred_at, runtime_id, runtime_key, actor, pause_reason, runtime"
                    + " from runtime_events where workspace_id = ? and seq > ? and seq <= ?";

    private final Rows rows;

    EventStore(Rows rows) {
        this.rows = rows;
    }

    /**
     * Where a workspace's feed stands: every event up to {@code last} has committed, and the events
     * up to {@code purged} are deleted.
     */
    public record Bounds(long last, long purged) {}

    public Bounds bounds(UUID workspaceId) {
        return rows.first(
                        "select last_seq, purged_seq from event_sequences where workspace_id = ?",
                        rs -> new Bounds(rs.getLong(1), rs.getLong(2)),
                        workspaceId)
                .orElse(new Bounds(0, 0));
    }

    /**
     * Up to {@code limit} events of the filter after {@code after} and at most {@code upTo}, in
     * order. {@code upTo} comes from {@link #bounds} read before: every event up to it has committed,
     * so the answer has no gap.
     */
    public List<StoredEvent> after(UUID workspaceId, long after, long upTo, EventFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        List<Object> args = new ArrayList<>(List.of(workspaceId, after, upTo));
        if (filter.runtime() != null) {
            var id = Uuids.parse(filter.runtime());
            if (id.isPresent()) {
                sql.append(" and (runtime_id = ? or runtime_key = ?)");
                args.add(id.get());
            } else {
                sql.append(" and runtime_key = ?");
            }
            args.add(filter.runtime());
        }
        if (!filter.types().isEmpty()) {
            sql.append(" and type in (")
                    .append(String.join(
                            ", ", filter.types().stream().map(t -> "?").toList()))
                    .append(')');
            args.addAll(filter.types());
        }
        sql.append(" order by seq limit ?");
        args.add(limit);
        return rows.list(sql.toString(), EventStore::read, args.toArray());
    }

    private static StoredEvent read(ResultSet rs) throws SQLException {
        String runtime = rs.getString(9);
        return new StoredEvent(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                Rows.instant(rs, 4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                runtime == null ? null : RowSnapshots.read(runtime));
    }
}
