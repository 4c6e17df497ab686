package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The list's keyset query (one statement per page) and the same row for one runtime.
 *
 * <p>Every page is one index walk in list order that stops after {@code size} rows and reads only
 * the runtimes that match its driving filter, so a filter that matches none costs what one that
 * matches all does. PostgreSQL plans a prepared statement once for all values after five
 * executions, from statistics that know nothing of one workspace's values; the statement is
 * therefore shaped so that only the driving filter's index can serve it (docs/list-query-plan.md):
 * <ul>
 *   <li>a label: the label rows carry the runtime's workspace and creation time, and the page is
 *       ordered by theirs;
 *   <li>a project, an owner or one status: the column is bound as a range of one value and leads the
 *       order, which only the index on (workspace, column, created, id) gives without a sort;
 *   <li>several statuses: one such walk per status, merged.
 * </ul>
 * The other filters of a page are checked on the rows its driving filter reads.
 */
@ApplicationScoped
public class RuntimePageQuery {
    private static final String COLUMNS = Arrays.stream(Column.values())
            .map(column -> column.expression)
            .collect(Collectors.joining(", ", "select ", ""));
    private static final String JOINS = """
              join projects p on p.id = r.project_id
              join users u on u.id = r.owner_id
              left join sandboxes s on s.id = r.current_sandbox_id
            """;
    private static final String LIST_ORDER = "r.created_at desc, r.id desc";

    private final Rows rows;

    RuntimePageQuery(Rows rows) {
        this.rows = rows;
    }

    /** Up to {@code size} runtimes of the workspace that match, after {@code after} when given. */
    public List<RuntimeRow> page(UUID workspaceId, RuntimeFilter filter, Keyset after, int size) {
        Statement statement = statement(workspaceId, filter, after, size);
        return rows.list(statement.sql.toString(), RuntimePageQuery::read, statement.args.toArray());
    }

    /** The page's statement and its parameters. */
    static Statement statement(UUID workspaceId, RuntimeFilter filter, Keyset after, int size) {
        Statement statement = new Statement();
        if (!filter.labels().isEmpty()) {
            labelWalk(statement, workspaceId, filter, after);
        } else if (filter.statuses().size() > 1) {
            statement.sql.append(COLUMNS).append(" from (");
            String union = "";
            for (RuntimeState status : filter.statuses()) {
                statement.sql.append(union).append("(select * from runtimes r");
                runtimeWalk(statement, workspaceId, new Driver("r.status", status.column()), filter, after);
                statement.sql.append(" limit ").append(size).append(')');
                union = " union all ";
            }
            statement.sql.append(") r").append(JOINS).append(" order by ").append(LIST_ORDER);
        } else {
            statement.sql.append(COLUMNS).append(" from runtimes r").append(JOINS);
            runtimeWalk(statement, workspaceId, Driver.of(filter), filter, after);
        }
        // The limit is written into the statement: with a parameter there, PostgreSQL cannot cost a
        // generic plan and plans the query again at every execution, which costs more than running it.
        statement.sql.append(" limit ").append(size);
        return statement;
    }

    /** The filter whose index a page without labels walks, or none (the workspace's index). */
    private record Driver(String column, Object value) {
        static Driver of(RuntimeFilter filter) {
            if (filter.projectId() != null) {
                return new Driver("r.project_id", filter.projectId());
            }
            if (filter.ownerId() != null) {
                return new Driver("r.owner_id", filter.ownerId());
            }
            if (!filter.statuses().isEmpty()) {
                return new Driver(
                        "r.status", filter.statuses().iterator().next().column());
            }
            return null;
        }
    }

    /** The walk over the runtimes' indexes: the driving column, if any, as a range of one value. */
    private static void runtimeWalk(
            Statement statement, UUID workspaceId, Driver driver, RuntimeFilter filter, Keyset after) {
        statement.sql.append(" where r.workspace_id = ?");
        statement.args.add(workspaceId);
        String order = LIST_ORDER;
        if (driver != null) {
            statement.where(driver.column() + " >= ? and " + driver.column() + " <= ?", driver.value(), driver.value());
            order = driver.column() + ", " + LIST_ORDER;
        }
        otherFilters(statement, driver == null ? null : driver.column(), filter);
        if (after != null) {
            statement.where("(r.created_at, r.id) < (?, ?)", timestamp(after), after.id());
        }
        statement.sql.append(" order by ").append(order);
    }

    /** The walk over the first label's rows in list order; the other labels are looked up. */
    private static void labelWalk(Statement statement, UUID workspaceId, RuntimeFilter filter, Keyset after) {
        Iterator<LabelFilter> labels = filter.labels().iterator();
        LabelFilter first = labels.next();
        statement
                .sql
                .append(COLUMNS)
                .append(" from runtime_labels l0 join runtimes r on r.id = l0.runtime_id")
                .append(JOINS)
                .append(" where l0.workspace_id = ? and l0.key = ? and l0.value = ?");
        statement.args.add(workspaceId);
        statement.args.add(first.key());
        statement.args.add(first.value());
        otherFilters(statement, null, filter);
        while (labels.hasNext()) {
            LabelFilter label = labels.next();
            statement.where(
                    "exists (select 1 from runtime_labels l where l.runtime_id = r.id and l.key = ? and l.value = ?)",
                    label.key(),
                    label.value());
        }
        if (after != null) {
            statement.where("(l0.created_at, l0.runtime_id) < (?, ?)", timestamp(after), after.id());
        }
        statement.sql.append(" order by l0.created_at desc, l0.runtime_id desc");
    }

    /** The project, owner and status filters other than the driving one, checked on each row read. */
    private static void otherFilters(Statement statement, String driver, RuntimeFilter filter) {
        if (filter.projectId() != null && !"r.project_id".equals(driver)) {
            statement.where("r.project_id = ?", filter.projectId());
        }
        if (filter.ownerId() != null && !"r.owner_id".equals(driver)) {
            statement.where("r.owner_id = ?", filter.ownerId());
        }
        if (!filter.statuses().isEmpty() && !"r.status".equals(driver)) {
            statement.in(
                    "r.status",
                    filter.statuses().stream().map(RuntimeState::column).toList());
        }
    }

    private static OffsetDateTime timestamp(Keyset after) {
        return OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC);
    }

    /** SQL text and its parameters, built together. */
    static final class Statement {
        final StringBuilder sql = new StringBuilder();
        final List<Object> args = new ArrayList<>();

        void where(String condition, Object... values) {
            sql.append(" and ").append(condition);
            args.addAll(List.of(values));
        }

        void in(String column, List<String> values) {
            sql.append(" and ")
                    .append(column)
                    .append(" in (")
                    .append(String.join(", ", Collections.nCopies(values.size(), "?")))
                    .append(')');
            args.addAll(values);
        }
    }

    /** One runtime of the workspace, as the list shows it. */
    public Optional<RuntimeRow> one(UUID workspaceId, UUID runtimeId) {
        return rows.first(
                COLUMNS + " from runtimes r" + JOINS + " where r.workspace_id = ? and r.id = ?",
                RuntimePageQuery::read,
                workspaceId,
                runtimeId);
    }

    private static RuntimeRow read(ResultSet rs) throws SQLException {
        UUID sandboxId = rs.getObject(Column.SANDBOX_ID.index, UUID.class);
        RuntimeRow.SandboxRow sandbox = sandboxId == null
                ? null
                : new RuntimeRow.SandboxRow(
                        sandboxId,
                        rs.getString(Column.PROVIDER.index),
                        rs.getString(Column.PROVIDER_SANDBOX_ID.index),
                        rs.getString(Column.SANDBOX_URL.index),
                        rs.getString(Column.SANDBOX_STATE.index),
                        rs.getString(Column.PAUSE_REASON.index),
                        Rows.instant(rs, Column.SANDBOX_CREATED_AT.index),
                        Rows.instant(rs, Column.EXPIRES_AT.index),
                        (Long) rs.getObject(Column.RUNTIME_LIMIT_SECONDS.index, Long.class),
                        rs.getLong(Column.ACCUMULATED_MICROS.index),
                        Rows.instant(rs, Column.RUNNING_SINCE.index),
                        rs.getLong(Column.BILLED_CREDITS.index));
        return new RuntimeRow(
                rs.getObject(Column.ID.index, UUID.class),
                rs.getString(Column.KEY.index),
                rs.getString(Column.NAME.index),
                rs.getString(Column.DESCRIPTION.index),
                rs.getObject(Column.PROJECT_ID.index, UUID.class),
                rs.getString(Column.PROJECT_KEY.index),
                rs.getString(Column.PROJECT_NAME.index),
                RuntimeState.ofColumn(rs.getString(Column.STATUS.index)),
                rs.getString(Column.LABELS.index),
                rs.getString(Column.CONFIG_DIGEST.index),
                rs.getString(Column.CONFIG_VERSION.index),
                rs.getObject(Column.OWNER_ID.index, UUID.class),
                rs.getString(Column.OWNER_NAME.index),
                Rows.instant(rs, Column.CREATED_AT.index),
                Rows.instant(rs, Column.UPDATED_AT.index),
                sandbox);
    }

    /**
     * The select list of a row, in order: {@code COLUMNS} is written from it and {@link #read}
     * reads each column at its place in it, so a column added anywhere moves no other.
     */
    private enum Column {
        ID("r.id"),
        KEY("r.key"),
        NAME("r.name"),
        DESCRIPTION("r.description"),
        PROJECT_ID("r.project_id"),
        PROJECT_KEY("p.key"),
        PROJECT_NAME("p.name"),
        STATUS("r.status"),
        LABELS("r.labels"),
        CONFIG_DIGEST("r.config_digest"),
        CONFIG_VERSION("r.config_version"),
        OWNER_ID("r.owner_id"),
        OWNER_NAME("u.name"),
        CREATED_AT("r.created_at"),
        UPDATED_AT("r.updated_at"),
        SANDBOX_ID("s.id"),
        PROVIDER("s.provider"),
        PROVIDER_SANDBOX_ID("s.provider_sandbox_id"),
        SANDBOX_URL("s.sandbox_url"),
        SANDBOX_STATE("s.state"),
        PAUSE_REASON("s.pause_reason"),
        SANDBOX_CREATED_AT("s.created_at"),
        EXPIRES_AT("s.expires_at"),
        RUNTIME_LIMIT_SECONDS("s.runtime_limit_seconds"),
        ACCUMULATED_MICROS("s.accumulated_micros"),
        RUNNING_SINCE("s.running_since"),
        BILLED_CREDITS("s.billed_credits");

        final String expression;
        /** The column's place in the result set, from 1. */
        final int index;

        Column(String expression) {
            this.expression = expression;
            this.index = ordinal() + 1;
        }
    }
}
