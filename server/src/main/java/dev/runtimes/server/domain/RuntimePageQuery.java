package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * With several filters, the statement first counts each one's matches after the cursor (up to
 * {@link #PROBE_LIMIT}) and walks the rarest; the others are checked on the rows it reads.
 */
@ApplicationScoped
public class RuntimePageQuery {
    private static final String COLUMNS = Arrays.stream(Column.values())
            .map(column -> column.expression + " as " + column.alias())
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
        List<Walk> walks = walks(filter);
        if (walks.size() == 1) {
            walks.get(0).page(statement, workspaceId, filter, after, size);
        } else {
            rarestWalk(statement, walks, workspaceId, filter, after, size);
        }
        // The limit is written into the statement: with a parameter there, PostgreSQL cannot cost a
        // generic plan and plans the query again at every execution, which costs more than running it.
        statement.sql.append(" limit ").append(size);
        return statement;
    }

    /**
     * The filters that can drive a page: the statuses together, the project, the owner, then the
     * labels, at most {@link #MOST_WALKS} in all, since every walk is written out with every other
     * filter; a page without filters walks the workspace's index.
     */
    private static List<Walk> walks(RuntimeFilter filter) {
        List<Walk> walks = new ArrayList<>();
        if (filter.statuses().size() == 1) {
            walks.add(new ColumnWalk(
                    new Driver("r.status", filter.statuses().iterator().next().column())));
        } else if (filter.statuses().size() > 1) {
            walks.add(new StatusesWalk(filter.statuses()));
        }
        if (filter.projectId() != null) {
            walks.add(new ColumnWalk(new Driver("r.project_id", filter.projectId())));
        }
        if (filter.ownerId() != null) {
            walks.add(new ColumnWalk(new Driver("r.owner_id", filter.ownerId())));
        }
        filter.labels().stream()
                .limit(Math.max(0, MOST_WALKS - walks.size()))
                .forEach(label -> walks.add(new LabelWalk(label)));
        return walks.isEmpty() ? List.of(new ColumnWalk(null)) : walks;
    }

    /** Most filters a page chooses its walk from: four walks cover any page of four filters. */
    static final int MOST_WALKS = 4;

    /**
     * A page of several filters walks the one that matches fewest runtimes after the cursor. The
     * statement counts each filter's matches, up to {@link #PROBE_LIMIT}, before it reads the page;
     * every walk is in the statement, and PostgreSQL runs only the chosen one (a condition on the
     * counts alone is checked once, before the walk below it starts), in a plan that is the same for
     * all values.
     */
    private static void rarestWalk(
            Statement statement, List<Walk> walks, UUID workspaceId, RuntimeFilter filter, Keyset after, int size) {
        statement.sql.append("with matches as (select ");
        for (int i = 0; i < walks.size(); i++) {
            statement.sql.append(i == 0 ? "" : ", ");
            walks.get(i).count(statement, workspaceId, after);
            statement.sql.append(" as m").append(i);
        }
        statement.sql.append(") select * from (");
        for (int i = 0; i < walks.size(); i++) {
            int walk = i;
            statement.sql.append(i == 0 ? "(select * from (" : " union all (select * from (");
            walks.get(i).page(statement, workspaceId, filter, after, size);
            statement.sql.append(" limit ").append(size).append(") w where (select ");
            statement.sql.append(IntStream.range(0, walks.size())
                    .filter(other -> other != walk)
                    // Ties go to the first of the walks.
                    .mapToObj(other -> "m" + walk + (other < walk ? " < m" : " <= m") + other)
                    .collect(Collectors.joining(" and ")));
            statement.sql.append(" from matches))");
        }
        statement
                .sql
                .append(") page order by ")
                .append(Column.CREATED_AT.alias())
                .append(" desc, ")
                .append(Column.ID.alias())
                .append(" desc");
    }

    /** Most rows a filter's count reads: a filter that matches fewer is known to be the rarer. */
    static final int PROBE_LIMIT = 1000;

    /** One way to read a page: the index of one filter, the other filters checked on its rows. */
    private interface Walk {
        /** The page's select, in list order, without its limit. */
        void page(Statement statement, UUID workspaceId, RuntimeFilter filter, Keyset after, int size);

        /** A scalar expression: how many runtimes after the cursor this filter matches, up to the probe limit. */
        void count(Statement statement, UUID workspaceId, Keyset after);
    }

    /** A page without labels walks one column's index (or, without filters, the workspace's). */
    private record ColumnWalk(Driver driver) implements Walk {
        @Override
        public void page(Statement statement, UUID workspaceId, RuntimeFilter filter, Keyset after, int size) {
            statement.sql.append(COLUMNS).append(" from runtimes r").append(JOINS);
            runtimeWalk(statement, workspaceId, driver, filter, after);
        }

        @Override
        public void count(Statement statement, UUID workspaceId, Keyset after) {
            statement.sql.append("(select count(*) from (select 1 from runtimes r where r.workspace_id = ?");
            statement.args.add(workspaceId);
            statement.where(driver.column() + " >= ? and " + driver.column() + " <= ?", driver.value(), driver.value());
            if (after != null) {
                statement.where("(r.created_at, r.id) < (?, ?)", timestamp(after), after.id());
            }
            // In the walk's order, which only the walk's index gives: a generic plan would scan the table.
            statement
                    .sql
                    .append(" order by ")
                    .append(driver.column())
                    .append(", ")
                    .append(LIST_ORDER);
            statement.sql.append(" limit ").append(PROBE_LIMIT).append(") c)");
        }
    }

    /** Several statuses: one walk per status, merged. */
    private record StatusesWalk(Set<RuntimeState> statuses) implements Walk {
        @Override
        public void page(Statement statement, UUID workspaceId, RuntimeFilter filter, Keyset after, int size) {
            statement.sql.append(COLUMNS).append(" from (");
            String union = "";
            for (RuntimeState status : statuses) {
                statement.sql.append(union).append("(select * from runtimes r");
                runtimeWalk(statement, workspaceId, driver(status), filter, after);
                statement.sql.append(" limit ").append(size).append(')');
                union = " union all ";
            }
            statement.sql.append(") r").append(JOINS).append(" order by ").append(LIST_ORDER);
        }

        @Override
        public void count(Statement statement, UUID workspaceId, Keyset after) {
            String plus = "(";
            for (RuntimeState status : statuses) {
                statement.sql.append(plus);
                new ColumnWalk(driver(status)).count(statement, workspaceId, after);
                plus = " + ";
            }
            statement.sql.append(')');
        }

        private static Driver driver(RuntimeState status) {
            return new Driver("r.status", status.column());
        }
    }

    /** A walk over one label's rows in list order; the other labels are looked up. */
    private record LabelWalk(LabelFilter label) implements Walk {
        @Override
        public void page(Statement statement, UUID workspaceId, RuntimeFilter filter, Keyset after, int size) {
            statement
                    .sql
                    .append(COLUMNS)
                    .append(" from runtime_labels l0 join runtimes r on r.id = l0.runtime_id")
                    .append(JOINS)
                    .append(" where l0.workspace_id = ? and l0.key = ? and l0.value = ?");
            statement.args.add(workspaceId);
            statement.args.add(label.key());
            statement.args.add(label.value());
            otherFilters(statement, null, label, filter);
            if (after != null) {
                statement.where("(l0.created_at, l0.runtime_id) < (?, ?)", timestamp(after), after.id());
            }
            statement.sql.append(" order by l0.created_at desc, l0.runtime_id desc");
        }

        @Override
        public void count(Statement statement, UUID workspaceId, Keyset after) {
            statement.sql.append(
                    "(select count(*) from (select 1 from runtime_labels l0 where l0.workspace_id = ? and l0.key = ? and l0.value = ?");
            statement.args.add(workspaceId);
            statement.args.add(label.key());
            statement.args.add(label.value());
            if (after != null) {
                statement.where("(l0.created_at, l0.runtime_id) < (?, ?)", timestamp(after), after.id());
            }
            statement.sql.append(" order by l0.created_at desc, l0.runtime_id desc");
            statement.sql.append(" limit ").append(PROBE_LIMIT).append(") c)");
        }
    }

    /** The column whose index a walk reads, bound as a range of one value. */
    private record Driver(String column, Object value) {}

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
        otherFilters(statement, driver == null ? null : driver.column(), null, filter);
        if (after != null) {
            statement.where("(r.created_at, r.id) < (?, ?)", timestamp(after), after.id());
        }
        statement.sql.append(" order by ").append(order);
    }

    /** The filters other than the driving column or label, checked on each row read. */
    private static void otherFilters(
            Statement statement, String driver, LabelFilter drivingLabel, RuntimeFilter filter) {
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
        for (LabelFilter label : filter.labels()) {
            if (!label.equals(drivingLabel)) {
                statement.where(
                        "exists (select 1 from runtime_labels l where l.runtime_id = r.id and l.key = ? and l.value = ?)",
                        label.key(),
                        label.value());
            }
        }
    }

    private static OffsetDateTime timestamp(Keyset after) {
        return Rows.timestamp(after.createdAt());
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

        /** A name of its own: the joined tables share column names ({@code id}, {@code created_at}). */
        String alias() {
            return "c" + index;
        }
    }
}
