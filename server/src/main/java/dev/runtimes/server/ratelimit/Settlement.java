package dev.runtimes.server.ratelimit;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The replicas' bucket levels, exchanged through the database (table {@code rate_limit_levels})
 * at each heartbeat, in its transaction: a replica publishes the levels of the keys it served
 * since its previous heartbeat and reads what the others published since; once that commits, each
 * of its buckets falls to the lowest level published, refilled since. The first exchange of a
 * replica reads the last window, so its buckets begin where each key stands. Requests never wait
 * on the database.
 */
@ApplicationScoped
class Settlement {
    private static final String PUBLISH = "insert into rate_limit_levels"
            + " (replica_id, api_key_id, quota, tokens, published_at) values (?, ?, ?, ?, ?)";
    private static final String FORGET = "delete from rate_limit_levels where published_at < ?";
    private static final String OTHERS = "select api_key_id, quota, tokens, published_at from rate_limit_levels"
            + " where replica_id <> ? and published_at >= ?";

    private final Buckets buckets;
    private final Rows rows;
    /** A level committed up to a heartbeat after it was published is still read. */
    private final Duration overlap;

    /** From when the next exchange reads the others' levels; none read yet: the last window. */
    private volatile Instant readFrom;

    Settlement(Buckets buckets, Rows rows, RuntimesConfig config) {
        this.buckets = buckets;
        this.rows = rows;
        this.overlap = config.rateLimit().replicaHeartbeat();
    }

    /** One exchange at {@code now}: it takes the levels of the keys served since the last one. */
    Round round(Instant now) {
        return new Round(now, buckets.drainTouched(now));
    }

    final class Round {
        private final Instant now;
        private final List<Level> mine;
        private List<Level> theirs = List.of();

        private Round(Instant now, List<Level> mine) {
            this.now = now;
            this.mine = mine;
        }

        /** Publishes this replica's levels, in one batch. Within a transaction. */
        void publish(UUID replicaId) {
            rows.batch(
                    PUBLISH,
                    mine.stream()
                            .map(level -> new Object[] {
                                replicaId, level.apiKeyId(), level.quota(), level.tokens(), Rows.timestamp(level.at())
                            })
                            .toList());
        }

        /**
         * Publishes this replica's levels, deletes those refilled to full and reads what the others
         * published. Within a transaction.
         */
        void exchange(UUID replicaId) {
            publish(replicaId);
            Instant kept = now.minus(buckets.longestWindow());
            rows.update(FORGET, Rows.timestamp(kept));
            Instant from = readFrom == null ? kept : readFrom;
            theirs = rows.list(OTHERS, Settlement::level, replicaId, Rows.timestamp(from));
        }

        /** Once the exchange committed: this replica's buckets fall to the others' levels. */
        void settled() {
            theirs.forEach(level -> buckets.lowerTo(level, now));
            readFrom = now.minus(overlap);
        }

        /** The exchange failed: this replica's levels go out with the next one. */
        void failed() {
            buckets.touchAgain(mine);
        }
    }

    private static Level level(ResultSet rs) throws SQLException {
        return new Level(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), Rows.instant(rs, 4));
    }
}
