package dev.runtimes.server.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain JDBC, the one way the server reaches its database: each statement on a connection of the
 * data source, which inside a transaction hands out the transaction's connection. A failed
 * statement is a {@link DatabaseException}.
 */
@ApplicationScoped
public class Rows {
    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final String forUpdate;

    Rows(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        // PostgreSQL's weaker row lock of an update that changes no key: inserts that reference the
        // row (a runtime's labels) do not wait for it. H2 has only the one.
        this.forUpdate = dbKind.startsWith("postgres") ? " for no key update" : " for update";
    }

    /** The clause that locks the rows a select reads until the transaction ends. */
    public String forUpdate() {
        return forUpdate;
    }

    public <T> List<T> list(String sql, Reader<T> reader, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Runs an insert, update or delete; how many rows it changed. */
    public int update(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Runs an insert, update or delete once for each array of arguments, in one batch. */
    public void batch(String sql, List<Object[]> argumentRows) {
        if (argumentRows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] args : argumentRows) {
                bind(statement, args);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public <T> Optional<T> first(String sql, Reader<T> reader, Object... args) {
        return list(sql, reader, args).stream().findFirst();
    }

    /** Whether the select finds a row. */
    public boolean exists(String sql, Object... args) {
        return first(sql, rs -> true, args).isPresent();
    }

    /** The first column of the select's one row as a number: a count, a sequence's value. */
    public long number(String sql, Object... args) {
        return first(sql, rs -> rs.getLong(1), args).orElseThrow();
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    /** An instant as a {@code timestamptz} parameter; {@code null} stays {@code null}. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A {@code timestamptz} column as an instant, to the microsecond. Through {@link Timestamp}: the
     * driver's {@code OffsetDateTime} builds the offset's zone rules anew for every value on Java 17.
     */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
