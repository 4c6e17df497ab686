package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The list's keyset query (one statement per page, served by an index on the workspace and the
 * filtered column in list order, so the database never sorts) and the same row for one runtime.
 */
@ApplicationScoped
public class RuntimePageQuery {
    private static final String SELECT = """
            select r.id, r.key, r.name, r.description, r.project_id, p.key, p.name, r.status,
                   r.labels, r.config_digest, r.config_version, r.owner_id, u.name,
                   r.created_at, r.updated_at,
                   s.id, s.provider, s.provider_sandbox_id, s.sandbox_url, s.state, s.pause_reason,
                   s.created_at, s.expires_at, s.runtime_limit_seconds, s.accumulated_micros,
                   s.running_since, s.billed_credits
              from runtimes r
              join projects p on p.id = r.project_id
              join users u on u.id = r.owner_id
              left join sandboxes s on s.id = r.current_sandbox_id
             where r.workspace_id = ?
            """;

    private final Rows rows;

    RuntimePageQuery(Rows rows) {
        this.rows = rows;
    }

    /** Up to {@code size} runtimes of the workspace that match, after {@code after} when given. */
    public List<RuntimeRow> page(UUID workspaceId, RuntimeFilter filter, Keyset after, int size) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>();
        args.add(workspaceId);
        if (!filter.statuses().isEmpty()) {
            sql.append(" and r.status in (")
                    .append(String.join(
                            ", ", filter.statuses().stream().map(s -> "?").toList()))
                    .append(')');
            args.addAll(filter.statuses());
        }
        if (filter.projectId() != null) {
            sql.append(" and r.project_id = ?");
            args.add(filter.projectId());
        }
        if (filter.ownerId() != null) {
            sql.append(" and r.owner_id = ?");
            args.add(filter.ownerId());
        }
        for (String label : filter.labels()) {
            int colon = label.indexOf(':');
            sql.append(" and exists (select 1 from runtime_labels l"
                    + " where l.runtime_id = r.id and l.key = ? and l.value = ?)");
            args.add(label.substring(0, colon));
            args.add(label.substring(colon + 1));
        }
        if (after != null) {
            sql.append(" and (r.created_at, r.id) < (?, ?)");
            args.add(OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
            args.add(after.id());
        }
        // The limit is written into the statement: with a parameter there, PostgreSQL cannot cost a
        // generic plan and plans the query again at every execution, which costs more than running it.
        sql.append(" order by r.created_at desc, r.id desc limit ").append(size);
        return rows.list(sql.toString(), RuntimePageQuery::read, args.toArray());
    }

    /** One runtime of the workspace, as the list shows it. */
    public Optional<RuntimeRow> one(UUID workspaceId, UUID runtimeId) {
        return rows.first(SELECT + " and r.id = ?", RuntimePageQuery::read, workspaceId, runtimeId);
    }

    private static RuntimeRow read(ResultSet rs) throws SQLException {
        UUID sandboxId = rs.getObject(16, UUID.class);
        RuntimeRow.SandboxRow sandbox = sandboxId == null
                ? null
                : new RuntimeRow.SandboxRow(
                        sandboxId,
                        rs.getString(17),
                        rs.getString(18),
                        rs.getString(19),
                        rs.getString(20),
                        rs.getString(21),
                        Rows.instant(rs, 22),
                        Rows.instant(rs, 23),
                        (Long) rs.getObject(24, Long.class),
                        rs.getLong(25),
                        Rows.instant(rs, 26),
                        rs.getLong(27));
        return new RuntimeRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getObject(12, UUID.class),
                rs.getString(13),
                Rows.instant(rs, 14),
                Rows.instant(rs, 15),
                sandbox);
    }
}
