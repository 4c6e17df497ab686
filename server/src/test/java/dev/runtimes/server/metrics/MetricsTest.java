package dev.runtimes.server.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each metric family moves when its event happens, and reads as Prometheus reads it. */
@QuarkusTest
class MetricsTest {
    private static final String LIST_TEMPLATE = "/api/v1/org/{org}/ws/{workspace}/runtimes";
    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Inject
    Tenants tenants;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    RuntimesMetrics metrics;

    Tenant tenant;
    final List<UUID> sandboxes = new ArrayList<>();

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    @AfterEach
    void removeSandboxes() throws SQLException {
        clock.release();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from sandboxes where id = ?")) {
            for (UUID id : sandboxes) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void requestsAreCountedPerRouteTemplateAndStatus() {
        Map<String, String> ok = Map.of("method", "GET", "uri", LIST_TEMPLATE, "status", "200");
        Map<String, String> invalid = Map.of("method", "GET", "uri", LIST_TEMPLATE, "status", "422");
        Scrape before = Scrape.now();

        list("limit", "5").then().statusCode(200);
        list("limit", "5").then().statusCode(200);
        list("limit", "abc").then().statusCode(422);

        Scrape after = Scrape.now();
        assertThat(after.value(REQUESTS, ok) - before.value(REQUESTS, ok)).isEqualTo(2);
        assertThat(after.value(REQUESTS, invalid) - before.value(REQUESTS, invalid))
                .isEqualTo(1);
        assertThat(after.value("http_server_requests_seconds_sum", ok)).isPositive();
        // Routes are labelled by template only: no org slug ever becomes a label value.
        assertThat(uriLabels(after.text())).isNotEmpty().noneMatch(uri -> uri.contains(tenant.org()));
    }

    @Test
    void sandboxesAreCountedByStateFromTheDatabase() throws SQLException {
        Scrape before = Scrape.now();

        Instant now = Instant.now();
        sandbox("running", now.plusSeconds(600));
        sandbox("running", now.plusSeconds(600));
        sandbox("paused", null);
        sandbox("killed", null);

        Scrape after = Scrape.now();
        assertThat(delta(before, after, "running")).isEqualTo(2);
        assertThat(delta(before, after, "paused")).isEqualTo(1);
        assertThat(after.text()).doesNotContain("runtimes_sandboxes{state=\"killed\"}");
    }

    @Test
    void expiryLagIsTheAgeOfTheOldestExpiredSandboxStillRunning() throws SQLException {
        Instant now = Instant.parse("2031-01-01T12:00:00Z");
        clock.set(now);
        assertThat(Scrape.now().value("runtimes_sweep_expiry_lag_seconds")).isZero();

        sandbox("running", now.minusSeconds(30));
        sandbox("running", now.minusSeconds(90));
        sandbox("paused", now.minusSeconds(500));
        sandbox("running", now.plusSeconds(60));

        assertThat(Scrape.now().value("runtimes_sweep_expiry_lag_seconds")).isEqualTo(90);
        clock.advance(Duration.ofSeconds(10));
        assertThat(Scrape.now().value("runtimes_sweep_expiry_lag_seconds")).isEqualTo(100);
    }

    @Test
    void meteringLagIsHowLongTheLeastRecentlyChargedSandboxRanUncharged() throws SQLException {
        Instant now = Instant.parse("2031-01-01T12:00:00Z");
        clock.set(now);
        assertThat(Scrape.now().value("runtimes_sweep_metering_lag_seconds")).isZero();

        // Charged 30 s ago; charged before its current span began 50 s ago; never charged, 20 s.
        sandbox("running", now.plusSeconds(600), now.minusSeconds(120), now.minusSeconds(30));
        sandbox("running", now.plusSeconds(600), now.minusSeconds(50), now.minusSeconds(400));
        sandbox("running", now.plusSeconds(600), now.minusSeconds(20), null);
        sandbox("paused", null, null, now.minusSeconds(900));

        assertThat(Scrape.now().value("runtimes_sweep_metering_lag_seconds")).isEqualTo(50);
    }

    @Test
    void creditsRateLimitsAndProviderCallsAreCountedWhenReported() {
        Map<String, String> failedStart = Map.of("provider", "local", "operation", "start", "outcome", "FAILURE");
        Scrape before = Scrape.now();

        metrics.creditsCharged(7);
        metrics.creditsCharged(5);
        metrics.rateLimited("api_key");
        metrics.providerCall("local", "start", RuntimesMetrics.Outcome.FAILURE, Duration.ofMillis(250));

        Scrape after = Scrape.now();
        assertThat(after.value("runtimes_credits_charged_total") - before.value("runtimes_credits_charged_total"))
                .isEqualTo(12);
        assertThat(after.value("runtimes_rate_limit_refusals_total", Map.of("limit", "api_key"))
                        - before.value("runtimes_rate_limit_refusals_total", Map.of("limit", "api_key")))
                .isEqualTo(1);
        assertThat(after.value("runtimes_provider_calls_seconds_count", failedStart)
                        - before.value("runtimes_provider_calls_seconds_count", failedStart))
                .isEqualTo(1);
        assertThat(after.value("runtimes_provider_calls_seconds_sum", failedStart)
                        - before.value("runtimes_provider_calls_seconds_sum", failedStart))
                .isEqualTo(0.25);
    }

    @Test
    void providerCallsOfTheLifecycleAreTimedByOperationAndOutcome() {
        Map<String, String> provisioned = Map.of("provider", "local", "operation", "provision", "outcome", "SUCCESS");
        Map<String, String> killed = Map.of("provider", "local", "operation", "kill", "outcome", "SUCCESS");
        Scrape before = Scrape.now();

        RuntimeApi api = new RuntimeApi(tenant, tenant.owner());
        String id = api.createIdle("metered-" + Tenants.unique());
        api.started(id);
        api.reset(id).then().statusCode(200);

        Scrape after = Scrape.now();
        assertThat(after.value("runtimes_provider_calls_seconds_count", provisioned)
                        - before.value("runtimes_provider_calls_seconds_count", provisioned))
                .isEqualTo(1);
        assertThat(after.value("runtimes_provider_calls_seconds_count", killed)
                        - before.value("runtimes_provider_calls_seconds_count", killed))
                .isEqualTo(1);
        assertThat(after.value("runtimes_provider_calls_seconds_sum", provisioned)
                        - before.value("runtimes_provider_calls_seconds_sum", provisioned))
                .isPositive();
    }

    private io.restassured.response.Response list(String name, String value) {
        return given().header("Authorization", "Bearer " + tenant.owner().token())
                .queryParam(name, value)
                .get(tenant.runtimesPath());
    }

    private static double delta(Scrape before, Scrape after, String state) {
        return after.value("runtimes_sandboxes", Map.of("state", state))
                - before.value("runtimes_sandboxes", Map.of("state", state));
    }

    private static List<String> uriLabels(String text) {
        List<String> uris = new ArrayList<>();
        Matcher uri = Pattern.compile("uri=\"([^\"]*)\"").matcher(text);
        while (uri.find()) {
            uris.add(uri.group(1));
        }
        return uris;
    }

    /** A ledger row, as the lifecycle will write it, for a runtime of the test's tenant. */
    private void sandbox(String state, Instant expiresAt) throws SQLException {
        sandbox(state, expiresAt, null, null);
    }

    private void sandbox(String state, Instant expiresAt, Instant runningSince, Instant meteredAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into sandboxes (id, runtime_id, organization_id, provider, provider_sandbox_id,
                                               state, created_at, expires_at, running_since, metered_at)
                        values (?, ?, ?, 'local', ?, ?, ?, ?, ?, ?)
                        """)) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, tenant.orgId());
            insert.setString(4, "local-" + id);
            insert.setString(5, state);
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setObject(7, utc(expiresAt));
            insert.setObject(8, utc(runningSince));
            insert.setObject(9, utc(meteredAt));
            insert.executeUpdate();
        }
        sandboxes.add(id);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
