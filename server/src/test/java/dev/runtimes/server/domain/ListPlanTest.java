package dev.runtimes.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Member;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.domain.RuntimePageQuery.Statement;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The list's page reads about one page of rows, whatever a filter matches, at the first execution
 * and at the thousandth (PostgreSQL plans a prepared statement once for all values after five).
 * A workspace of 20,000 idle runtimes in one project, owned by one user and labelled alike makes
 * the statistics say that every other value matches nothing; each case matches none of them, so
 * a plan that falls back to the workspace's index reads all 20,000. A combination of a filter that
 * matches all of them with one that matches none walks the one that matches none.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPlanTest {
    private static final int RUNTIMES = 20_000;
    private static final int PAGE = 51;
    /** Several statuses merge one walk each; a walk reads at most a page. */
    private static final int MOST_ROWS_READ = 3 * PAGE;
    /** A combination also counts each filter's matches, up to the probe limit for a filter that matches all. */
    private static final int MOST_ROWS_READ_BY_A_COMBINATION = MOST_ROWS_READ + 2 * RuntimePageQuery.PROBE_LIMIT;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Tenants tenants;

    private Tenant tenant;
    private Member stranger;
    private UUID emptyProject;
    private Keyset middle;

    @BeforeAll
    void seed() throws SQLException {
        tenant = tenants.tenant();
        stranger = tenants.member(tenant.orgId(), Membership.MEMBER);
        emptyProject = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            update(
                    connection,
                    "insert into projects (id, workspace_id, key, name, is_default, created_at)"
                            + " values (?, ?, 'empty', 'Empty', false, now())",
                    emptyProject,
                    tenant.workspaceId());
            update(
                    connection,
                    """
                    insert into runtimes (id, workspace_id, project_id, key, name, owner_id, status, labels, config,
                                          config_digest, config_version, created_at, updated_at)
                    select gen_random_uuid(), ?, ?, 'plan-' || g, 'Plan ' || g, ?, 'idle', '{"team":"ml"}', '{}',
                           'sha256:0', 'v2', timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second',
                           timestamptz '2026-01-01 00:00:00+00'
                      from generate_series(1, ?) g
                    """,
                    tenant.workspaceId(),
                    tenant.defaultProjectId(),
                    tenant.owner().userId(),
                    RUNTIMES);
            update(
                    connection,
                    "insert into runtime_labels (runtime_id, key, value, workspace_id, created_at)"
                            + " select id, 'team', 'ml', workspace_id, created_at from runtimes where workspace_id = ?",
                    tenant.workspaceId());
            update(connection, "analyze runtimes");
            update(connection, "analyze runtime_labels");
            try (PreparedStatement statement =
                    connection.prepareStatement("select created_at, id from runtimes where workspace_id = ?"
                            + " order by created_at desc, id desc offset ? limit 1")) {
                statement.setObject(1, tenant.workspaceId());
                statement.setInt(2, RUNTIMES / 2);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    middle = new Keyset(Rows.instant(rs, 1), rs.getObject(2, UUID.class));
                }
            }
        }
    }

    Stream<Arguments> filtersThatMatchNothing() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean withCursor : List.of(false, true)) {
            cases.add(Arguments.of(
                    "state=running", RuntimeFilter.of(Set.of(RuntimeState.RUNNING), null, null, Set.of()), withCursor));
            cases.add(Arguments.of(
                    "state=paused", RuntimeFilter.of(Set.of(RuntimeState.PAUSED), null, null, Set.of()), withCursor));
            cases.add(Arguments.of(
                    "state=running&state=paused",
                    RuntimeFilter.of(Set.of(RuntimeState.RUNNING, RuntimeState.PAUSED), null, null, Set.of()),
                    withCursor));
            cases.add(Arguments.of("project_id", RuntimeFilter.of(Set.of(), emptyProject, null, Set.of()), withCursor));
            cases.add(Arguments.of(
                    "owner=me", RuntimeFilter.of(Set.of(), null, stranger.userId(), Set.of()), withCursor));
            cases.add(Arguments.of(
                    "label",
                    RuntimeFilter.of(Set.of(), null, null, Set.of(new LabelFilter("team", "web"))),
                    withCursor));
            LabelFilter everyones = new LabelFilter("team", "ml");
            cases.add(Arguments.of(
                    "label everyone has&state=running",
                    RuntimeFilter.of(Set.of(RuntimeState.RUNNING), null, null, Set.of(everyones)),
                    withCursor));
            cases.add(Arguments.of(
                    "label everyone has&state=running&state=paused",
                    RuntimeFilter.of(Set.of(RuntimeState.RUNNING, RuntimeState.PAUSED), null, null, Set.of(everyones)),
                    withCursor));
            cases.add(Arguments.of(
                    "label everyone has&owner=me",
                    RuntimeFilter.of(Set.of(), null, stranger.userId(), Set.of(everyones)),
                    withCursor));
            cases.add(Arguments.of(
                    "project everyone is in&label",
                    RuntimeFilter.of(Set.of(), tenant.defaultProjectId(), null, Set.of(new LabelFilter("team", "web"))),
                    withCursor));
            cases.add(Arguments.of(
                    "state=idle (everyone)&project_id",
                    RuntimeFilter.of(Set.of(RuntimeState.IDLE), emptyProject, null, Set.of()),
                    withCursor));
            cases.add(Arguments.of(
                    "two labels",
                    RuntimeFilter.of(
                            Set.of(),
                            null,
                            null,
                            Set.of(new LabelFilter("team", "ml"), new LabelFilter("env", "prod"))),
                    withCursor));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, cursor {2}")
    @MethodSource("filtersThatMatchNothing")
    void aPageReadsAboutAPageAtTheFirstExecutionAndTheThousandth(String name, RuntimeFilter filter, boolean withCursor)
            throws SQLException {
        Statement page = RuntimePageQuery.statement(tenant.workspaceId(), filter, withCursor ? middle : null, PAGE);
        long mostRowsRead = combination(filter) ? MOST_ROWS_READ_BY_A_COMBINATION : MOST_ROWS_READ;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(page.sql.toString())) {
            for (int i = 0; i < page.args.size(); i++) {
                statement.setObject(i + 1, page.args.get(i));
            }
            try {
                update(connection, "load 'auto_explain'");
                assertThat(rowsRead(connection, statement))
                        .as("first execution")
                        .isLessThanOrEqualTo(mostRowsRead);
                for (int execution = 2; execution < 1000; execution++) {
                    statement.executeQuery().close();
                }
                assertThat(rowsRead(connection, statement))
                        .as("thousandth execution")
                        .isLessThanOrEqualTo(mostRowsRead);
            } finally {
                update(connection, "set auto_explain.log_min_duration = -1");
            }
        }
    }

    private static boolean combination(RuntimeFilter filter) {
        return filter.labels().size()
                        + (filter.statuses().isEmpty() ? 0 : 1)
                        + (filter.projectId() == null ? 0 : 1)
                        + (filter.ownerId() == null ? 0 : 1)
                > 1;
    }

    /** Runs the statement once with its plan explained as a notice, and counts the table rows it read. */
    private static long rowsRead(Connection connection, PreparedStatement statement) throws SQLException {
        update(connection, "set auto_explain.log_level = notice");
        update(connection, "set auto_explain.log_format = json");
        update(connection, "set auto_explain.log_analyze = on");
        update(connection, "set auto_explain.log_min_duration = 0");
        statement.clearWarnings();
        statement.executeQuery().close();
        update(connection, "set auto_explain.log_min_duration = -1");
        SQLWarning warning = statement.getWarnings();
        assertThat((Object) warning).as("auto_explain's plan").isNotNull();
        String message = warning.getMessage();
        try {
            JsonNode plan = new ObjectMapper()
                    .readTree(message.substring(message.indexOf('{')))
                    .get("Plan");
            return rowsRead(plan);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a plan: " + message, e);
        }
    }

    /** The rows the scans of runtimes and their labels returned or removed, over all their loops. */
    private static long rowsRead(JsonNode node) {
        long rows = 0;
        String relation = node.path("Relation Name").asText();
        if (relation.equals("runtimes") || relation.equals("runtime_labels")) {
            rows += (node.path("Actual Rows").asLong()
                            + node.path("Rows Removed by Filter").asLong()
                            + node.path("Rows Removed by Index Recheck").asLong())
                    * node.path("Actual Loops").asLong();
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child);
        }
        return rows;
    }

    private static void update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        }
    }
}
