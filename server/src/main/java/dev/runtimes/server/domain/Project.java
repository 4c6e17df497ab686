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
@Table(name = "projects")
public class Project extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "workspace_id")
    public UUID workspaceId;

    public String key;
    public String name;

    @Column(name = "is_default")
    public boolean isDefault;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Project> findByKey(UUID workspaceId, String key) {
        return find("workspaceId = ?1 and key = ?2", workspaceId, key).firstResultOptional();
    }

    public static Optional<Project> findDefault(UUID workspaceId) {
        return find("workspaceId = ?1 and isDefault = true", workspaceId).firstResultOptional();
    }
}
