package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The table {@code server_secrets}: secrets the server generated once and every replica shares. */
@ApplicationScoped
public class ServerSecrets {
    private final Rows rows;

    ServerSecrets(Rows rows) {
        this.rows = rows;
    }

    public Optional<String> value(String name) {
        return rows.first("select value from server_secrets where name = ?", rs -> rs.getString(1), name);
    }

    public void insert(String name, String value, Instant createdAt) {
        rows.update(
                "insert into server_secrets (name, value, created_at) values (?, ?, ?)",
                name,
                value,
                Rows.timestamp(createdAt));
    }
}
