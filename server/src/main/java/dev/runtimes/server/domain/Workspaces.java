package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The table {@code workspaces}. */
@ApplicationScoped
public class Workspaces {
    private final Rows rows;

    Workspaces(Rows rows) {
        this.rows = rows;
    }

    public Optional<Workspace> bySlug(UUID organizationId, String slug) {
        return rows.first(
                "select id, organization_id, slug, name, created_at from workspaces"
                        + " where organization_id = ? and slug = ?",
                rs -> new Workspace(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        Rows.instant(rs, 5)),
                organizationId,
                slug);
    }

    public void insert(Workspace workspace) {
        rows.update(
                "insert into workspaces (id, organization_id, slug, name, created_at) values (?, ?, ?, ?, ?)",
                workspace.id(),
                workspace.organizationId(),
                workspace.slug(),
                workspace.name(),
                Rows.timestamp(workspace.createdAt()));
    }
}
