package dev.runtimes.server.web;

import static dev.runtimes.server.web.OneInvalidValue.is422On;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Null, absence and date-times in bodies as the spec says: {@code null} only where a property
 * is {@code nullable}, a date-time only as text.
 */
@QuarkusTest
class BodyNullsAndTypesTest {
    @Inject
    Tenants tenants;

    private static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + OperatorsResourceTest.OPERATOR_TOKEN)
                .contentType("application/json");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"key\":\"k\",\"name\":null}                                   | body/name                            | invalid_type",
                "{\"key\":\"k\",\"name\":\"n\",\"project\":null}                  | body/project                         | invalid_type",
                "{\"key\":\"k\",\"name\":\"n\",\"labels\":null}                   | body/labels                          | invalid_type",
                "{\"key\":\"k\",\"name\":\"n\",\"labels\":{\"team\":null}}        | body/labels/team                     | invalid_type",
                "{\"key\":\"k\",\"name\":\"n\",\"config\":{\"sandbox\":{\"timeout_seconds\":null}}} | body/config/sandbox/timeout_seconds | invalid_type",
            })
    void nullWhereTheSpecDoesNotAllowItIs422(String body, String loc, String type) {
        Tenant tenant = tenants.tenant();
        is422On(
                given().header("Authorization", "Bearer " + tenant.owner().token())
                        .contentType("application/json")
                        .body(body)
                        .post(tenant.runtimesPath())
                        .then(),
                loc,
                type);
    }

    @Test
    void nullWhereTheSpecAllowsItIsTaken() {
        Tenant tenant = tenants.tenant();
        given().header("Authorization", "Bearer " + tenant.owner().token())
                .contentType("application/json")
                .body("{\"key\":\"k-" + Tenants.unique() + "\",\"name\":\"n\",\"description\":null}")
                .post(tenant.runtimesPath())
                .then()
                .statusCode(201)
                .body("description", nullValue());
    }

    @Test
    void dateTimeIsTextNotEpochSeconds() {
        String userId = operator()
                .body("{\"name\":\"dates-" + Tenants.unique() + "\"}")
                .post("/api/v1/admin/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String keys = "/api/v1/admin/users/" + userId + "/api-keys";
        is422On(
                operator()
                        .body("{\"name\":\"k\",\"expires_at\":1900000000}")
                        .post(keys)
                        .then(),
                "body/expires_at",
                "invalid_type");
        operator()
                .body("{\"name\":\"k\",\"expires_at\":\"2030-01-01T00:00:00Z\"}")
                .post(keys)
                .then()
                .statusCode(201)
                .body("expires_at", is("2030-01-01T00:00:00Z"));
    }
}
