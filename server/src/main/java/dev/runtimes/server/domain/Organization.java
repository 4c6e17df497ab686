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
@Table(name = "organizations")
public class Organization extends PanacheEntityBase {
    @Id
    public UUID id;

    public String slug;
    public String name;

    /** Credits left; {@code null} means the organization is not metered. */
    @Column(name = "credit_balance")
    public Long creditBalance;

    @Column(name = "member_limit")
    public Integer memberLimit;

    /** The longest runtime limit of the organization's sandboxes; {@code null}: the platform's. */
    @Column(name = "max_runtime_limit_seconds")
    public Long maxRuntimeLimitSeconds;

    /** The runtime limit of a sandbox whose start names none; {@code null}: the platform's. */
    @Column(name = "default_runtime_limit_seconds")
    public Long defaultRuntimeLimitSeconds;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Organization> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
