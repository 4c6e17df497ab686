package dev.runtimes.server.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    public String name;

    /** Hex SHA-256 of the secret; the secret itself is never stored. */
    @Column(name = "token_hash")
    public String tokenHash;

    /** When set, the key may act only in this organization. */
    @Column(name = "organization_id")
    public UUID organizationId;

    /** When set, the key may act only in this workspace. */
    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<ApiKey> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }
}
