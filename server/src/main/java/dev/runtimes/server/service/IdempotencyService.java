package dev.runtimes.server.service;

import dev.runtimes.server.domain.DatabaseException;
import dev.runtimes.server.domain.IdempotencyRecord;
import dev.runtimes.server.domain.IdempotencyRecords;
import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.error.ServiceException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final IdempotencyRecords records;
    private final Clock clock;

    IdempotencyService(IdempotencyRecords records, Clock clock) {
        this.records = records;
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
                records.deleteReusable(apiKeyId, key, now, now.minus(ABANDONED_AFTER));
                UUID id = UUID.randomUUID();
                records.insert(id, apiKeyId, key, fingerprint, now, now.plus(RETENTION));
                return new Run(id);
            });
        } catch (DatabaseException keyInUse) {
            return QuarkusTransaction.requiringNew().call(() -> existing(apiKeyId, key, fingerprint));
        }
    }

    /** Keeps the answer of the request for replay. */
    public void complete(UUID recordId, int status, String body) {
        QuarkusTransaction.requiringNew().run(() -> records.complete(recordId, status, body));
    }

    /** Forgets the request, so that the key may be sent again (after a 5xx or a 429). */
    public void release(UUID recordId) {
        QuarkusTransaction.requiringNew().run(() -> records.delete(recordId));
    }

    /** Deletes the answers older than {@link #RETENTION}; the number deleted. */
    public long sweep() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> records.deleteExpired(now));
    }

    private Start existing(UUID apiKeyId, String key, String fingerprint) {
        Optional<IdempotencyRecord> found = records.find(apiKeyId, key);
        if (found.isEmpty()) {
            // The first request was released (it failed) between our insert and this read.
            throw ServiceException.conflict(
                    "Another request with the same Idempotency-Key has just finished; send it again.");
        }
        IdempotencyRecord record = found.get();
        if (!record.fingerprint().equals(fingerprint)) {
            throw ServiceException.invalid(List.of(new FieldProblem(
                    List.of("header", "Idempotency-Key"),
                    "was used with another request in the last 24 hours",
                    "invalid_value")));
        }
        if (record.status() == null) {
            throw ServiceException.conflict("Another request with the same Idempotency-Key is still in progress.");
        }
        return new Replay(record.status(), record.responseBody());
    }
}
