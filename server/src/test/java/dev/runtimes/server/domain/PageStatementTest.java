package dev.runtimes.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmarks' {@code bench/page.sql} is the statement the server runs for a first page. */
class PageStatementTest {

    @Test
    void benchPageSqlIsTheServersFirstPageStatement() throws IOException {
        UUID workspace = UUID.randomUUID();
        RuntimePageQuery.Statement statement =
                RuntimePageQuery.statement(workspace, RuntimeFilter.of(Set.of(), null, null, Set.of()), null, 51);
        List<String> bench = Files.readAllLines(Path.of("../bench/page.sql"));
        String benchSql = bench.stream()
                .filter(line -> !line.startsWith("--"))
                .collect(Collectors.joining(" "))
                .replace(":ws", "?")
                .replaceAll(";\\s*$", "");
        assertThat(words(benchSql)).isEqualTo(words(statement.sql.toString()));
        assertThat(statement.args).containsExactly(workspace);
    }

    private static String words(String sql) {
        return sql.trim().replaceAll("\\s+", " ");
    }
}
