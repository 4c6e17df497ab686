package dev.runtimes.server.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged servers on one database, sweeping every second, with sandboxes started on both:
 * an organization that runs out of credits is paused and refused, an unmetered one is paused when
 * its runtime limit is reached, each sandbox paused once across the two, and the credit ledger
 * agrees with the billed credits, the running time and the balance.
 */
class SweepsAcrossReplicasIT {
    private static final Logger LOG = Logger.getLogger(SweepsAcrossReplicasIT.class);
    private static final int CREDITS_PER_SECOND = 2;
    private static final long BALANCE = 20;
    private static final Map<String, String> SETTINGS = Map.of(
            "runtimes.expiry.sweep-interval", "1s",
            "runtimes.metering.interval", "1s",
            "runtimes.metering.credits-per-second", Integer.toString(CREDITS_PER_SECOND),
            // Every sandbox reaches its runtime limit 40 seconds into its run; the metered
            // organization's two sandboxes use its 20 credits up in about 5, one alone in 10, so a
            // slow machine still runs out of credits long before the limit.
            "runtimes.runtime-limit.max-seconds", "40");
    private static final Pattern PAUSES = Pattern.compile(
            "^runtimes_provider_calls_seconds_count\\{(?=[^}]*operation=\"pause\")(?=[^}]*outcome=\"SUCCESS\")[^}]*}"
                    + " ([0-9.]+)$",
            Pattern.MULTILINE);

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    final List<Runnable> cleanups = new ArrayList<>();

    @AfterEach
    void deleteRuntimes() {
        cleanups.forEach(Runnable::run);
    }

    @Test
    void twoServersPauseEachSandboxOnceAndChargeEachCreditOnce() throws Exception {
        ServerProcess a = servers.start(SETTINGS);
        ServerProcess b = servers.start(SETTINGS);
        double pausesBeforeA = pauses(a);
        double pausesBeforeB = pauses(b);

        Tenant metered = tenant(a, BALANCE);
        Tenant unmetered = tenant(b, null);
        int started = 0;
        for (Tenant tenant : List.of(metered, unmetered)) {
            tenant.start(a, "one");
            tenant.start(b, "two");
            started += 2;
        }

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> metered.paused(b, "one", "two") && unmetered.paused(a, "one", "two"));

        for (String runtime : List.of("one", "two")) {
            assertThat(metered.get(a, runtime).getString("instance.pause_reason"))
                    .isEqualTo("insufficient_credits");
            assertThat(unmetered.get(b, runtime).getString("instance.pause_reason"))
                    .isEqualTo("timeout");
            assertThat(unmetered.get(b, runtime).getLong("instance.total_runtime_seconds"))
                    .isBetween(40L, 45L);
        }
        JsonPath refused = metered.api(b)
                .noContentType()
                .post(metered.path("/three/start"))
                .then()
                .statusCode(429)
                .extract()
                .jsonPath();
        assertThat(refused.getString("type")).isEqualTo("insufficient_credits_error");
        double pausedByA = pauses(a) - pausesBeforeA;
        double pausedByB = pauses(b) - pausesBeforeB;
        LOG.infof("Sandboxes paused by server A: %.0f, by server B: %.0f", pausedByA, pausedByB);
        assertThat(pausedByA + pausedByB).isEqualTo(started);

        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            for (Tenant tenant : List.of(metered, unmetered)) {
                long charged = sum(
                        db,
                        "select coalesce(sum(credits), 0) from credit_ledger l"
                                + " join organizations o on o.id = l.organization_id where o.slug = ?",
                        tenant.org);
                long billed = sum(
                        db,
                        "select coalesce(sum(billed_credits), 0) from sandboxes s"
                                + " join organizations o on o.id = s.organization_id where o.slug = ?",
                        tenant.org);
                // Paused sandboxes owe nothing more: billed is the whole credits of all their running time.
                long owed = sum(
                        db,
                        "select coalesce(sum(floor(accumulated_micros * " + CREDITS_PER_SECOND
                                + " / 1000000.0)), 0) from sandboxes s"
                                + " join organizations o on o.id = s.organization_id where o.slug = ?",
                        tenant.org);
                assertThat(charged)
                        .as("usage rows of %s", tenant.org)
                        .isPositive()
                        .isEqualTo(billed);
                assertThat(billed).as("billed credits of %s", tenant.org).isEqualTo(owed);
            }
            long charged = sum(
                    db,
                    "select coalesce(sum(credits), 0) from credit_ledger l"
                            + " join organizations o on o.id = l.organization_id where o.slug = ?",
                    metered.org);
            assertThat(sum(db, "select credit_balance from organizations where slug = ?", metered.org))
                    .isEqualTo(BALANCE - charged)
                    .isLessThanOrEqualTo(0);
        }
    }

    /** Sandbox pauses the server's provider made, from its Prometheus scrape. */
    private static double pauses(ServerProcess server) {
        return server.metric(PAUSES);
    }

    /** An organization with one workspace, three runtimes in it and an owner's key. */
    private Tenant tenant(ServerProcess server, Long balance) {
        String org = OperatorSurface.organization(server, balance);
        Tenant tenant = new Tenant(org, OperatorSurface.ownerKey(server, org));
        for (String runtime : List.of("one", "two", "three")) {
            tenant.api(server)
                    .contentType("application/json")
                    .body("{\"key\":\"" + runtime + "\",\"name\":\"" + runtime + "\"}")
                    .post(tenant.path(""))
                    .then()
                    .statusCode(201);
            cleanups.add(() -> tenant.api(server).delete(tenant.path("/" + runtime)));
        }
        return tenant;
    }

    private record Tenant(String org, String key) {
        RequestSpecification api(ServerProcess server) {
            return given().port(server.port()).header("Authorization", "Bearer " + key);
        }

        String path(String suffix) {
            return "/api/v1/org/" + org + "/ws/main/runtimes" + suffix;
        }

        void start(ServerProcess server, String runtime) {
            // As curl -X POST sends it: no body, no content type.
            api(server)
                    .noContentType()
                    .post(path("/" + runtime + "/start"))
                    .then()
                    .statusCode(200);
        }

        JsonPath get(ServerProcess server, String runtime) {
            return api(server)
                    .get(path("/" + runtime))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
        }

        boolean paused(ServerProcess server, String... runtimes) {
            for (String runtime : runtimes) {
                if (!"paused".equals(get(server, runtime).getString("status"))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static long sum(Connection db, String sql, String org) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, org);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + System.getenv().getOrDefault("RUNTIMES_TEST_DB", "runtimes_test");
    }
}
