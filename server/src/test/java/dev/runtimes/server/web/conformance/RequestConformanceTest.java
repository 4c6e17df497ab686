package dev.runtimes.server.web.conformance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every finding of a request is answered together, and each one names its own place. */
@QuarkusTest
class RequestConformanceTest {
    @Inject
    Tenants tenants;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    private RequestSpecification owner() {
        return given().header("Authorization", "Bearer " + tenant.owner().token());
    }

    @Test
    void everyProblemOfABodyIsNamedInTheSpecsOrderUnknownMembersFirst() {
        owner().contentType("application/json")
                .body("{\"name\":\"\",\"labels\":{\"team\":7},\"config\":{\"sandbox\":{\"timeout_seconds\":30}},"
                        + "\"colour\":\"red\"}")
                .post(tenant.runtimesPath())
                .then()
                .statusCode(422)
                .body("detail", is("The request has 5 invalid values."))
                .body(
                        "errors.loc",
                        contains(
                                contains("body", "colour"),
                                contains("body", "key"),
                                contains("body", "name"),
                                contains("body", "labels", "team"),
                                contains("body", "config", "sandbox", "timeout_seconds")))
                .body("errors.type", contains("unknown_field", "missing", "too_short", "invalid_type", "too_small"))
                .body(
                        "errors.msg",
                        contains(
                                "is not a member of this object",
                                "must not be null",
                                "size must be between 1 and 100",
                                "must be a string",
                                "must be greater than or equal to 60"));
    }

    @Test
    void aMapKeyIsHeldToItsSchemasPropertyNamesPattern() {
        owner().contentType("application/json")
                .body("{\"key\":\"nb\",\"name\":\"x\",\"labels\":{\"-team\":\"ml\"},"
                        + "\"config\":{\"runtime_server\":{\"env\":{\"1A\":\"x\",\"B\":\"y\"}}}}")
                .post(tenant.runtimesPath())
                .then()
                .statusCode(422)
                .body(
                        "errors.loc",
                        contains(
                                contains("body", "labels", "-team"),
                                contains("body", "config", "runtime_server", "env", "1A")))
                .body("errors.type", contains("pattern_mismatch", "pattern_mismatch"))
                .body(
                        "errors.msg",
                        contains(
                                "name must match \"^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$\"",
                                "name must match \"^[A-Za-z_][A-Za-z0-9_]{0,63}$\""));
        owner().contentType("application/json")
                .body("{\"labels\":{\"a b\":\"c\"}}")
                .patch(tenant.runtimesPath() + "/any")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "labels", "a b"))
                .body("errors[0].type", is("pattern_mismatch"));
    }

    @Test
    void everyProblemOfTheParametersIsNamedInTheOperationsOrder() {
        owner().queryParam("limit", "99999999999999999999")
                .queryParam("state", "running", "asleep")
                .queryParam("project_id", "not-a-uuid")
                .get(tenant.runtimesPath())
                .then()
                .statusCode(422)
                .body("detail", is("The request has 3 invalid values."))
                .body(
                        "errors.loc",
                        contains(
                                contains("query", "state", 1),
                                contains("query", "project_id"),
                                contains("query", "limit")))
                .body("errors.type", contains("invalid_enum", "invalid_format", "too_large"))
                .body("errors[2].msg", is("must be less than or equal to 100"));
    }
}
