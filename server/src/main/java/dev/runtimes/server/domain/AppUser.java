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
@Table(name = "users")
public class AppUser extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<AppUser> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
