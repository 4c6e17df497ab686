package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The table {@code idempotency_keys}, unique on (API key, idempotency key). */
@ApplicationScoped
public class IdempotencyRecords {
    private final Rows rows;

    IdempotencyRecords(Rows rows) {
        this.rows = rows;
    }

    public Optional<IdempotencyRecord> find(UUID apiKeyId, String key) {
        return rows.first(
                "select fingerprint, status, response_body from idempotency_keys"
                        + " where api_key_id = ? and idempotency_key = ?",
                rs -> new IdempotencyRecord(rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3)),
                apiKeyId,
                key);
    }

    /** A request in flight; fails with a {@link DatabaseException} when the key has a row. */
    public void insert(UUID id, UUID apiKeyId, String key, String fingerprint, Instant createdAt, Instant expiresAt) {
        rows.update(
                "insert into idempotency_keys (id, api_key_id, idempotency_key, fingerprint, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                id,
                apiKeyId,
                key,
                fingerprint,
                Rows.timestamp(createdAt),
                Rows.timestamp(expiresAt));
    }

    /** Deletes the key's row when it expired before {@code now} or is in flight since before {@code abandonedBefore}. */
    public void deleteReusable(UUID apiKeyId, String key, Instant now, Instant abandonedBefore) {
        rows.update(
                "delete from idempotency_keys where api_key_id = ? and idempotency_key = ?"
                        + " and (expires_at < ? or (status is null and created_at < ?))",
                apiKeyId,
                key,
                Rows.timestamp(now),
                Rows.timestamp(abandonedBefore));
    }

    public void complete(UUID id, int status, String responseBody) {
        rows.update("update idempotency_keys set status = ?, response_body = ? where id = ?", status, responseBody, id);
    }

    public void delete(UUID id) {
        rows.update("delete from idempotency_keys where id = ?", id);
    }

    /** Deletes the rows expired before {@code now}; how many. */
    public int deleteExpired(Instant now) {
        return rows.update("delete from idempotency_keys where expires_at < ?", Rows.timestamp(now));
    }
}
