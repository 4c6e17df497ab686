package dev.runtimes.server.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Figures about the sandbox ledger that operators watch; one small statement each. */
@ApplicationScoped
public class SandboxCensus {
    private final AgroalDataSource dataSource;

    SandboxCensus(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many sandboxes are in {@code state} now. */
    public long count(String state) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select count(*) from sandboxes where state = ?")) {
            statement.setString(1, state);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The earliest {@code expires_at} of a sandbox still running at {@code now} although it has expired. */
    public Optional<Instant> oldestOverdueExpiry(Instant now) {
        return earliest(
                "select min(expires_at) from sandboxes where state = 'running' and expires_at <= ?",
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    /**
     * Since when the running sandbox that has gone uncharged the longest has been running uncharged:
     * its last charge, or the start of its running span when it was charged before that or never.
     */
    public Optional<Instant> oldestUncharged() {
        return earliest("select min(case when metered_at is null or metered_at < running_since"
                + " then running_since else metered_at end) from sandboxes where state = 'running'");
    }

    private Optional<Instant> earliest(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
