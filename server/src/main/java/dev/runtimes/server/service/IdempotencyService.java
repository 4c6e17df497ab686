package dev.runtimes.server.service;

import dev.runtimes.server.domain.IdempotencyRecord;
import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.error.ServiceException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Idempotency keys, shared by every replica through the database. A request with a key first
 * inserts its row; the unique (API key, idempotency key) makes a concurrent or later request with
 * the same key find that row instead, whichever replica it reaches.
 */
@ApplicationScoped
public class IdempotencyService {
    /** How long a completed answer is replayed. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /**
     * A request in flight longer than this belongs to a replica that died before it answered: its
     * key may be used again. Longer than any request can run (a start takes at most a few provider
     * timeouts).
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final Clock clock;

    IdempotencyService(Clock clock) {
        this.clock = clock;
    }

    /** What to do with a request that carries an idempotency key. */
    public sealed interface Start {}

    /** Run the request, then {@link #complete} or {@link #release} it. */
    public record Run(UUID recordId) implements Start {}

    /** Answer with the first request's answer again. */
    public record Replay(int status, String body) implements Start {}

    /**
     * Registers the request, or says how the first one with this key went.
     *
     * @param fingerprint the hex SHA-256 of the request's method, path and body
     * @throws ServiceException 409 while the first request still runs, 422 when the key was used
     *     with another request
     */
    public Start begin(UUID apiKeyId, String key, String fingerprint) {
        Instant now = clock.instant();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyRecord.delete(
                        "apiKeyId = ?1 and idempotencyKey = ?2 and (expiresAt < ?3 or (status is null and createdAt < ?4))",
                        apiKeyId,
                        key,
                        now,
                        now.minus(ABANDONED_AFTER));
                IdempotencyRecord record = new IdempotencyRecord();
                record.id = UUID.randomUUID();
                record.apiKeyId = apiKeyId;
                record.idempotencyKey = key;
                record.fingerprint = fingerprint;
                record.createdAt = now;
                record.expiresAt = now.plus(RETENTION);
                record.persistAndFlush();
                return new Run(record.id);
            });
        } catch (PersistenceException keyInUse) {
            return QuarkusTransaction.requiringNew().call(() -> existing(apiKeyId, key, fingerprint));
        }
    }

    /** Keeps the answer of the request for replay. */
    public void complete(UUID recordId, int status, String body) {
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord record = IdempotencyRecord.findById(recordId);
            if (record != null) {
                record.status = status;
                record.responseBody = body;
            }
        });
    }

    /** Forgets the request, so that the key may be sent again (after a 5xx or a 429). */
    public void release(UUID recordId) {
        QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.deleteById(recordId));
    }

    /** Deletes the answers older than {@link #RETENTION}; the number deleted. */
    public long sweep() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.delete("expiresAt < ?1", now));
    }

    private static Start existing(UUID apiKeyId, String key, String fingerprint) {
        List<IdempotencyRecord> found = IdempotencyRecord.list("apiKeyId = ?1 and idempotencyKey = ?2", apiKeyId, key);
        if (found.isEmpty()) {
            // The first request was released (it failed) between our insert and this read.
            throw ServiceException.conflict(
                    "Another request with the same Idempotency-Key has just finished; send it again.");
        }
        IdempotencyRecord record = found.get(0);
        if (!record.fingerprint.equals(fingerprint)) {
            throw ServiceException.invalid(List.of(new FieldProblem(
                    List.of("header", "Idempotency-Key"),
                    "was used with another request in the last 24 hours",
                    "invalid_value")));
        }
        if (record.status == null) {
            throw ServiceException.conflict("Another request with the same Idempotency-Key is still in progress.");
        }
        return new Replay(record.status, record.responseBody);
    }
}
