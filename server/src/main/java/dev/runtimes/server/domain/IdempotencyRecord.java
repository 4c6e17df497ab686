package dev.runtimes.server.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A request sent with an Idempotency-Key: in flight while {@link #status} is null, then its answer. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "api_key_id")
    public UUID apiKeyId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The hex SHA-256 of the request's method, path and body. */
    public String fingerprint;

    public Integer status;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
