package dev.runtimes.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The session every pooled connection gets before the server's statements run on it. */
@QuarkusTest
class DatabaseSessionTest {
    @Inject
    AgroalDataSource dataSource;

    /** Two held at once: the pool hands out two different connections, new or idle. */
    @Test
    void everyConnectionPlansWithoutMemoize() throws SQLException {
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            assertThat(memoize(first)).isEqualTo("off");
            assertThat(memoize(second)).isEqualTo("off");
        }
    }

    private static String memoize(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show enable_memoize")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
