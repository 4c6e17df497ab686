package dev.runtimes.contract;

import dev.runtimes.contract.harness.DatabaseFaults;

/** The test database of this checkout (RUNTIMES_TEST_DB, as the server's tests use it). */
final class LocalDatabase {
    static final String USER = "postgres";

    private LocalDatabase() {}

    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + System.getenv().getOrDefault("RUNTIMES_TEST_DB", "runtimes_test");
    }

    static DatabaseFaults faults(String jdbcUrl) {
        return new DatabaseFaults(jdbcUrl, USER);
    }
}
