package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The table {@code projects}. */
@ApplicationScoped
public class Projects {
    private static final String SELECT = "select id, workspace_id, key, name, is_default, created_at from projects";

    private final Rows rows;

    Projects(Rows rows) {
        this.rows = rows;
    }

    public Optional<Project> byId(UUID id) {
        return rows.first(SELECT + " where id = ?", Projects::read, id);
    }

    public Optional<Project> byKey(UUID workspaceId, String key) {
        return rows.first(SELECT + " where workspace_id = ? and key = ?", Projects::read, workspaceId, key);
    }

    public Optional<Project> defaultOf(UUID workspaceId) {
        return rows.first(SELECT + " where workspace_id = ? and is_default = true", Projects::read, workspaceId);
    }

    public void insert(Project project) {
        rows.update(
                "insert into projects (id, workspace_id, key, name, is_default, created_at) values (?, ?, ?, ?, ?, ?)",
                project.id(),
                project.workspaceId(),
                project.key(),
                project.name(),
                project.isDefault(),
                Rows.timestamp(project.createdAt()));
    }

    private static Project read(ResultSet rs) throws SQLException {
        return new Project(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                Rows.instant(rs, 6));
    }
}
