package dev.runtimes.server.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
public class Membership extends PanacheEntityBase {
    public static final String OWNER = "owner";
    public static final String MEMBER = "member";

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    public String role;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Membership> find(UUID organizationId, UUID userId) {
        return find("organizationId = ?1 and userId = ?2", organizationId, userId)
                .firstResultOptional();
    }

    public record Key(UUID organizationId, UUID userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
