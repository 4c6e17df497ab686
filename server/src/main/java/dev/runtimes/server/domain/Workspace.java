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
@Table(name = "workspaces")
public class Workspace extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    public String slug;
    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Workspace> findBySlug(UUID organizationId, String slug) {
        return find("organizationId = ?1 and slug = ?2", organizationId, slug).firstResultOptional();
    }
}
