package dev.runtimes.server.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A secret the server generated once and every replica on the database shares. */
@Entity
@Table(name = "server_secrets")
public class ServerSecret extends PanacheEntityBase {
    @Id
    public String name;

    public String value;

    @Column(name = "created_at")
    public Instant createdAt;
}
