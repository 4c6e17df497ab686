package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import dev.runtimes.server.LogCapture;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.web.edge.RequestIds;
import dev.runtimes.server.web.errors.ExceptionMappers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every answer carries X-Request-Id, and every log line of the request carries the same id. */
@QuarkusTest
class RequestIdsTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    Tenants tenants;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    private String listPath() {
        return tenant.runtimesPath();
    }

    @Test
    void aWellFormedIdOfTheCallerComesBack() {
        given().header("Authorization", "Bearer " + tenant.owner().token())
                .header("X-Request-Id", "client-42.retry_1")
                .get(listPath())
                .then()
                .statusCode(200)
                .header("X-Request-Id", "client-42.retry_1");
    }

    @Test
    void withoutAnIdTheServerMakesOne() {
        given().header("Authorization", "Bearer " + tenant.owner().token())
                .get(listPath())
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "<script>", ""})
    void aMalformedIdIsReplaced(String presented) {
        given().header("Authorization", "Bearer " + tenant.owner().token())
                .header("X-Request-Id", presented)
                .get(listPath())
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void anIdLongerThan64CharactersIsReplaced() {
        given().header("X-Request-Id", "a".repeat(65))
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "a".repeat(64))
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", "a".repeat(64));
    }

    @Test
    void refusalsOfEveryLayerCarryTheId() {
        given().header("X-Request-Id", "no-token")
                .get(listPath())
                .then()
                .statusCode(401)
                .header("X-Request-Id", "no-token");
        given().header("Authorization", "Bearer " + tenant.owner().token())
                .header("X-Request-Id", "bad-limit")
                .queryParam("limit", "abc")
                .get(listPath())
                .then()
                .statusCode(422)
                .header("X-Request-Id", "bad-limit");
        given().header("X-Request-Id", "unknown-route")
                .get("/api/v1/nowhere")
                .then()
                .statusCode(404)
                .header("X-Request-Id", "unknown-route");
    }

    @Test
    void anInternalErrorNamesTheRequestIdAsItsIncidentAndLogsIt() {
        try (LogCapture log = LogCapture.start()) {
            given().header("X-Request-Id", "incident-7")
                    .get("/test-only/fail")
                    .then()
                    .statusCode(500)
                    .header("X-Request-Id", "incident-7")
                    .body("code", is(500))
                    .body("type", is("internal_error"))
                    .body(
                            "detail",
                            is("An internal error occurred; incident id incident-7"
                                    + " (the X-Request-Id of this answer)."))
                    .body("errors", is((Object) null));

            List<LogCapture.Line> failures = log.lines(ExceptionMappers.class.getName());
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).mdc()).containsEntry(RequestIds.LOG_KEY, "incident-7");
            assertThat(failures.get(0).thrown()).hasMessage("a bug in test code");
        }
    }

    @Test
    void oneAccessLineNamesTheRouteTemplateStatusAndId() {
        try (LogCapture log = LogCapture.start()) {
            Response answer = given().header(
                            "Authorization", "Bearer " + tenant.owner().token())
                    .queryParam("limit", 5)
                    .get(listPath());
            answer.then().statusCode(200);
            String id = answer.header("X-Request-Id");

            // The line is written when the answer has gone out, so it may trail the answer a little.
            List<LogCapture.Line> access = List.of();
            for (long deadline = System.nanoTime() + 5_000_000_000L;
                    access.isEmpty() && System.nanoTime() < deadline;
                    Thread.onSpinWait()) {
                access = log.lines("dev.runtimes.access").stream()
                        .filter(line -> id.equals(line.mdc().get(RequestIds.LOG_KEY)))
                        .toList();
            }
            assertThat(access).hasSize(1);
            assertThat(access.get(0).message()).matches("GET /api/v1/org/\\{org}/ws/\\{workspace}/runtimes 200 \\d+ms");
        }
    }

    @Test
    void noTokenEverReachesTheLog() {
        String bearer = tenant.owner().token();
        String apiKey = tenants.member(tenant.orgId(), "member").token();
        try (LogCapture log = LogCapture.start()) {
            given().header("Authorization", "Bearer " + bearer)
                    .get(listPath())
                    .then()
                    .statusCode(200);
            given().header("X-API-Key", apiKey).get(listPath()).then().statusCode(200);
            given().header("Authorization", "Bearer " + bearer + "x")
                    .get(listPath())
                    .then()
                    .statusCode(401);
            given().header("Authorization", "Bearer " + bearer)
                    .get("/test-only/fail")
                    .then()
                    .statusCode(500);

            // The test's own HTTP client logs what it sends at DEBUG; the server is judged.
            List<LogCapture.Line> server = log.lines().stream()
                    .filter(line -> !line.category().startsWith("org.apache.http"))
                    .toList();
            assertThat(server).hasSizeGreaterThan(4);
            for (LogCapture.Line line : server) {
                assertThat(line.toString()).doesNotContain(bearer).doesNotContain(apiKey);
            }
        }
    }
}
