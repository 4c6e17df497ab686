package dev.runtimes.server.web;

import static dev.runtimes.server.web.OneInvalidValue.is422On;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal of the list answers with the canonical envelope and the documented status. */
@QuarkusTest
class ListRuntimesErrorsTest {
    @Inject
    Tenants tenants;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    private RequestSpecification asOwner() {
        return given().header("Authorization", "Bearer " + tenant.owner().token());
    }

    private String listPath() {
        return tenant.runtimesPath();
    }

    @ParameterizedTest
    @CsvSource({
        "limit, 0, query/limit, too_small",
        "limit, 101, query/limit, too_large",
        "limit, abc, query/limit, invalid_type",
        "state, bogus, query/state/0, invalid_enum",
        "state, 'idle,running', query/state/0, invalid_enum",
        "project_id, nope, query/project_id, invalid_format",
        "owner, you, query/owner, invalid_enum",
        "label, nocolon, query/label/0, pattern_mismatch",
    })
    void invalidQueryParameterIs422WithItsLocation(String name, String value, String loc, String type) {
        is422On(asOwner().queryParam(name, value).get(listPath()).then(), loc, type);
    }

    /** The spec's pattern refuses a label before it is read as a key and a value. */
    @Test
    void malformedLabelIs422WithThePattern() {
        asOwner()
                .queryParam("label", "team:ml", "-team:ml")
                .get(listPath())
                .then()
                .statusCode(422)
                .body("code", is(422))
                .body("type", is("validation_error"))
                .body("detail", is("The request has 1 invalid value."))
                .body("errors", hasSize(1))
                .body("errors[0].loc", contains("query", "label", 1))
                .body("errors[0].msg", is("must match \"^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}:.*$\""))
                .body("errors[0].type", is("pattern_mismatch"));
    }

    @Test
    void severalInvalidParametersAreAllReported() {
        asOwner()
                .queryParam("limit", 0)
                .queryParam("cursor", "x".repeat(1025))
                .get(listPath())
                .then()
                .statusCode(422)
                .body("detail", is("The request has 2 invalid values."))
                .body("errors.loc.flatten()", org.hamcrest.Matchers.hasItems("limit", "cursor"));
    }

    @Test
    void tokenInTheUrlIsNotAccepted() {
        given().queryParam("token", tenant.owner().token())
                .queryParam("api_key", tenant.owner().token())
                .get(listPath())
                .then()
                .statusCode(401);
    }

    /** The key and the workspace are read in one statement; a slug that names nothing stays out of it. */
    @ParameterizedTest
    @CsvSource({"org, /api/v1/org/nul%00byte/ws/{ws}/runtimes", "workspace, /api/v1/org/{org}/ws/%00/runtimes"})
    void slugThatIsNoSlugIs422OnThePath(String name, String path) {
        is422On(
                asOwner()
                        .urlEncodingEnabled(false)
                        .get(path.replace("{org}", tenant.org()).replace("{ws}", tenant.workspace()))
                        .then(),
                "path/" + name,
                "pattern_mismatch");
    }

    @Test
    void authenticationComesBeforeValidation() {
        given().queryParam("limit", "abc").get(listPath()).then().statusCode(401);
    }

    @Test
    void unknownRouteIs404Envelope() {
        asOwner()
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("code", is(404))
                .body("type", is("not_found_error"))
                .body("errors", nullValue());
    }

    @Test
    void wrongMethodIs405Envelope() {
        asOwner()
                .contentType("application/json")
                .body("{}")
                .put(listPath())
                .then()
                .statusCode(405)
                .body("code", is(405))
                .body("type", is("method_not_allowed_error"));
    }

    @Test
    void alteredCursorIs400OnTheCursor() {
        asOwner()
                .queryParam("cursor", "AAAA")
                .get(listPath())
                .then()
                .statusCode(400)
                .body("code", is(400))
                .body("type", is("invalid_request_error"))
                .body("errors[0].loc", contains("query", "cursor"))
                .body("errors[0].type", equalTo("invalid_cursor"));
    }
}
