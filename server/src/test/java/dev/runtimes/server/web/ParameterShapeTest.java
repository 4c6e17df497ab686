package dev.runtimes.server.web;

import static dev.runtimes.server.web.OneInvalidValue.is422On;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A query or header parameter given twice where the spec allows one value, or given empty where
 * the spec does not allow the empty text, is a 422 on it.
 */
@QuarkusTest
class ParameterShapeTest {
    @Inject
    Tenants tenants;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    private RequestSpecification asOwner() {
        return given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + tenant.owner().token());
    }

    private String listPath() {
        return tenant.runtimesPath();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=5&limit=7                | query/limit      | invalid_value",
                "cursor=abc&cursor=abc          | query/cursor     | invalid_value",
                "owner=me&owner=me              | query/owner      | invalid_value",
                "limit=                         | query/limit      | invalid_type",
                "cursor=                        | query/cursor     | too_short",
                "owner=                         | query/owner      | invalid_enum",
                "project_id=                    | query/project_id | invalid_format",
                "state=idle&state=              | query/state/1    | invalid_enum",
                "label=team:ml&label=           | query/label/1    | too_short",
            })
    void duplicatedOrEmptyQueryParameterIs422OnIt(String query, String loc, String type) {
        is422On(asOwner().get(listPath() + "?" + query).then(), loc, type);
    }

    /** Found by the contract tests' negative suite: each of these was taken as if the header were absent. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "X-Runtimes-Client-Version | ''      | ''      | too_short",
                "X-Runtimes-Client-Version | 1.0.0   | 2.0.0   | invalid_value",
                "If-None-Match             | '\"a\"' | '\"b\"' | invalid_value",
            })
    void emptyOrDuplicatedHeaderIs422OnIt(String header, String first, String second, String type) {
        RequestSpecification request = asOwner().header(header, first);
        if (!second.isEmpty()) {
            request.header(header, second);
        }
        request.get(listPath())
                .then()
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].loc", contains("header", header))
                .body("errors[0].type", is(type));
    }

    @Test
    void anEmptyHeaderTheSpecAllowsIsTaken() {
        asOwner().header("If-None-Match", "").get(listPath()).then().statusCode(200);
    }

    @Test
    void repeatableParametersStayRepeatable() {
        asOwner()
                .get(listPath() + "?state=idle&state=running&label=team:ml&label=tier:gpu&limit=5")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void authenticationComesBeforeTheShape() {
        given().urlEncodingEnabled(false)
                .get(listPath() + "?limit=5&limit=7")
                .then()
                .statusCode(401);
    }
}
