package dev.runtimes.server.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** When a replica of the server last said it was alive; the live ones share the rate limits. */
@Entity
@Table(name = "rate_limit_replicas")
public class ReplicaHeartbeat extends PanacheEntityBase {
    @Id
    @Column(name = "replica_id")
    public UUID replicaId;

    @Column(name = "seen_at")
    public Instant seenAt;

    /**
     * Marks the replica seen at {@code now} and counts the replicas seen since {@code cutoff}, this
     * one included. Rows unseen since {@code forgotten} go. Within a transaction.
     */
    public static long beat(UUID replicaId, Instant now, Instant cutoff, Instant forgotten) {
        if (update("seenAt = ?1 where replicaId = ?2", now, replicaId) == 0) {
            ReplicaHeartbeat row = new ReplicaHeartbeat();
            row.replicaId = replicaId;
            row.seenAt = now;
            row.persist();
        }
        delete("seenAt < ?1", forgotten);
        return count("seenAt >= ?1", cutoff);
    }

    /**
     * The other replicas seen since {@code cutoff} that have not marked themselves alive since
     * {@code since}, so have not counted a replica that joined then.
     */
    public static long unseenSince(UUID replicaId, Instant cutoff, Instant since) {
        return count("replicaId <> ?1 and seenAt >= ?2 and seenAt < ?3", replicaId, cutoff, since);
    }
}
