package dev.runtimes.server.ratelimit;

import dev.runtimes.server.domain.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The replicas' heartbeat rows (table {@code rate_limit_replicas}): when each replica last said it
 * was alive.
 */
@ApplicationScoped
class Heartbeats {
    private final Rows rows;

    Heartbeats(Rows rows) {
        this.rows = rows;
    }

    /**
     * Marks the replica seen at {@code now} and counts the replicas seen since {@code cutoff}, this
     * one included. Rows unseen since {@code forgotten} go. Within a transaction.
     */
    long beat(UUID replicaId, Instant now, Instant cutoff, Instant forgotten) {
        if (rows.update(
                        "update rate_limit_replicas set seen_at = ? where replica_id = ?",
                        Rows.timestamp(now),
                        replicaId)
                == 0) {
            rows.update(
                    "insert into rate_limit_replicas (replica_id, seen_at) values (?, ?)",
                    replicaId,
                    Rows.timestamp(now));
        }
        rows.update("delete from rate_limit_replicas where seen_at < ?", Rows.timestamp(forgotten));
        return rows.number("select count(*) from rate_limit_replicas where seen_at >= ?", Rows.timestamp(cutoff));
    }

    /**
     * The other replicas seen since {@code cutoff} that have not marked themselves alive since
     * {@code since}, so have not counted a replica that joined then.
     */
    long unseenSince(UUID replicaId, Instant cutoff, Instant since) {
        return rows.number(
                "select count(*) from rate_limit_replicas where replica_id <> ? and seen_at >= ? and seen_at < ?",
                replicaId,
                Rows.timestamp(cutoff),
                Rows.timestamp(since));
    }

    /** The replica stops: the others stop counting it at their next heartbeat. */
    void leave(UUID replicaId) {
        rows.update("delete from rate_limit_replicas where replica_id = ?", replicaId);
    }
}
