package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The table {@code memberships}. */
@ApplicationScoped
public class Memberships {
    private final Rows rows;

    Memberships(Rows rows) {
        this.rows = rows;
    }

    public boolean exists(UUID organizationId, UUID userId) {
        return rows.exists(
                "select 1 from memberships where organization_id = ? and user_id = ?", organizationId, userId);
    }

    /** How many members the organization has. */
    public long count(UUID organizationId) {
        return rows.number("select count(*) from memberships where organization_id = ?", organizationId);
    }

    public void insert(Membership membership) {
        rows.update(
                "insert into memberships (organization_id, user_id, role, created_at) values (?, ?, ?, ?)",
                membership.organizationId(),
                membership.userId(),
                membership.role(),
                Rows.timestamp(membership.createdAt()));
    }
}
