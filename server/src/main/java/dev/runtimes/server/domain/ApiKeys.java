package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The table {@code api_keys}; the authentication reads it in {@code tenancy.ApiKeyAuthenticator}. */
@ApplicationScoped
public class ApiKeys {
    private final Rows rows;

    ApiKeys(Rows rows) {
        this.rows = rows;
    }

    public boolean existsWithTokenHash(String tokenHash) {
        return rows.exists("select 1 from api_keys where token_hash = ?", tokenHash);
    }

    public void insert(ApiKey key) {
        rows.update(
                "insert into api_keys (id, user_id, name, token_hash, organization_id, workspace_id, expires_at,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                key.id(),
                key.userId(),
                key.name(),
                key.tokenHash(),
                key.organizationId(),
                key.workspaceId(),
                Rows.timestamp(key.expiresAt()),
                Rows.timestamp(key.createdAt()));
    }

    public boolean exists(UUID id) {
        return rows.exists("select 1 from api_keys where id = ?", id);
    }

    /** Revokes the key at {@code at} unless it is revoked already; whether this call revoked it. */
    public boolean revoke(UUID id, Instant at) {
        return rows.update(
                        "update api_keys set revoked_at = ? where id = ? and revoked_at is null",
                        Rows.timestamp(at),
                        id)
                > 0;
    }
}
