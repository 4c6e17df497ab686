package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator surface, end to end: from nothing to a key that lists runtimes, then revoked. */
@QuarkusTest
class OperatorsResourceTest {
    static final String OPERATOR_TOKEN = "test-operator-token";

    private static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + OPERATOR_TOKEN).contentType("application/json");
    }

    private static JsonPath post(String path, String body, int status) {
        return operator()
                .body(body)
                .post(path)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @Test
    void operatorBuildsATenantWhoseKeyWorksUntilRevoked() {
        String org = "acme-" + Tenants.unique();
        post("/api/v1/admin/orgs", "{\"slug\":\"" + org + "\",\"name\":\"Acme\",\"credit_balance\":100}", 201);
        JsonPath workspace =
                post("/api/v1/admin/orgs/" + org + "/workspaces", "{\"slug\":\"research\",\"name\":\"R\"}", 201);
        post("/api/v1/admin/orgs/" + org + "/ws/research/projects", "{\"key\":\"ml\",\"name\":\"ML\"}", 201);
        String userId = post("/api/v1/admin/users", "{\"name\":\"user-" + Tenants.unique() + "\"}", 201)
                .getString("id");
        post("/api/v1/admin/orgs/" + org + "/members", "{\"user_id\":\"" + userId + "\",\"role\":\"member\"}", 201);
        JsonPath key = post(
                "/api/v1/admin/users/" + userId + "/api-keys",
                "{\"name\":\"ci\",\"org\":\"" + org + "\",\"workspace\":\"research\"}",
                201);

        String runtimes = "/api/v1/org/" + org + "/ws/research/runtimes";
        given().header("Authorization", "Bearer " + key.getString("token"))
                .get(runtimes)
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        assertThat(workspace.getString("default_project_id")).isNotNull();

        operator()
                .delete("/api/v1/admin/api-keys/" + key.getString("id"))
                .then()
                .statusCode(204);
        given().header("Authorization", "Bearer " + key.getString("token"))
                .get(runtimes)
                .then()
                .statusCode(401);
    }

    @Test
    void issuedKeyShowsItsSecretOnce() {
        String userId = post("/api/v1/admin/users", "{\"name\":\"user-" + Tenants.unique() + "\"}", 201)
                .getString("id");
        post("/api/v1/admin/users/" + userId + "/api-keys", "{\"name\":\"laptop\"}", 201);
        JsonPath key = post("/api/v1/admin/users/" + userId + "/api-keys", "{\"name\":\"laptop\"}", 201);
        assertThat(key.getString("token")).matches("rtk_[A-Za-z0-9_-]{43}");
        assertThat((Object) key.get("org")).isNull();
        assertThat((Object) key.get("expires_at")).isNull();
    }

    @Test
    void duplicateSlugIs409AlreadyExists() {
        String org = "dup-" + Tenants.unique();
        post("/api/v1/admin/orgs", "{\"slug\":\"" + org + "\",\"name\":\"Dup\"}", 201);
        operator()
                .body("{\"slug\":\"" + org + "\",\"name\":\"Dup\"}")
                .post("/api/v1/admin/orgs")
                .then()
                .statusCode(409)
                .body("type", is("already_exists_error"))
                .body("detail", is("Organization '" + org + "' already exists."));
    }

    @Test
    void updateSetsAndClearsMetering() {
        String org = "meter-" + Tenants.unique();
        post("/api/v1/admin/orgs", "{\"slug\":\"" + org + "\",\"name\":\"M\"}", 201);
        operator()
                .body("{\"credit_balance\":500,\"member_limit\":3}")
                .patch("/api/v1/admin/orgs/" + org)
                .then()
                .statusCode(200)
                .body("credit_balance", is(500))
                .body("member_limit", is(3));
        operator()
                .body("{\"credit_balance\":null,\"member_limit\":null}")
                .patch("/api/v1/admin/orgs/" + org)
                .then()
                .statusCode(200)
                .body("credit_balance", nullValue())
                .body("member_limit", nullValue());
    }

    @Test
    void invalidBodyIs422OnTheField() {
        operator()
                .body("{\"slug\":\"Not A Slug\",\"name\":\"x\"}")
                .post("/api/v1/admin/orgs")
                .then()
                .statusCode(422)
                .body("type", is("validation_error"))
                .body("errors[0].loc", contains("body", "slug"))
                .body("errors[0].type", is("pattern_mismatch"));
        operator()
                .body("{\"name\":\"x\"}")
                .post("/api/v1/admin/orgs")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "slug"))
                .body("errors[0].type", is("missing"));
    }

    @Test
    void wrongJsonTypeIs422OnTheField() {
        operator()
                .body("{\"slug\":\"ok\",\"name\":\"x\",\"credit_balance\":\"abc\"}")
                .post("/api/v1/admin/orgs")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "credit_balance"))
                .body("errors[0].type", is("invalid_type"))
                .body("errors[0].msg", is("must be a number"));
        operator()
                .body("[1,2]")
                .post("/api/v1/admin/orgs")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body"))
                .body("errors[0].type", is("invalid_type"));
    }

    /** Found by the contract tests' negative suite: each of these was accepted, coerced. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":true}                                    | /api/v1/admin/users | name           | must be a string",
                "{\"name\":97828}                                   | /api/v1/admin/users | name           | must be a string",
                "{\"slug\":\"ok-1\",\"name\":\"x\",\"credit_balance\":60.5} | /api/v1/admin/orgs  | credit_balance | must be a number",
                "{\"slug\":\"ok-2\",\"name\":\"x\",\"member_limit\":6e1}    | /api/v1/admin/orgs  | member_limit   | must be a number",
                "{\"slug\":\"ok-3\",\"name\":\"x\",\"member_limit\":\"25\"}  | /api/v1/admin/orgs  | member_limit   | must be a number",
                "{\"slug\":\"ok-4\",\"name\":\"x\",\"credit_balance\":\"\\u0000\"} | /api/v1/admin/orgs | credit_balance | must be a number",
                "{\"slug\":\"ok-5\",\"name\":\"x\",\"max_runtime_limit_seconds\":\"\"} | /api/v1/admin/orgs | max_runtime_limit_seconds | must be a number",
                "{\"slug\":\"ok-6\",\"name\":\"x\",\"default_runtime_limit_seconds\":\" \"} | /api/v1/admin/orgs | default_runtime_limit_seconds | must be a number",
            })
    void aValueOfAnotherJsonTypeIsRefusedNotCoerced(String body, String path, String field, String message) {
        operator()
                .body(body)
                .post(path)
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", field))
                .body("errors[0].type", is("invalid_type"))
                .body("errors[0].msg", is(message));
    }

    /** Found by the contract tests' negative suite: PostgreSQL cannot store NUL, and this was a 500. */
    @Test
    void textWithTheNulCharacterIs422OnTheField() {
        operator()
                .body("{\"name\":\"nul\\u0000byte\"}")
                .post("/api/v1/admin/users")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "name"))
                .body("errors[0].type", is("invalid_value"))
                .body("errors[0].msg", is("must not contain the NUL character (U+0000)"));
    }

    @Test
    void malformedJsonIs400() {
        operator()
                .body("{\"slug\":")
                .post("/api/v1/admin/orgs")
                .then()
                .statusCode(400)
                .body("code", is(400))
                .body("type", is("invalid_request_error"))
                .body("detail", notNullValue());
    }

    @Test
    void wrongOperatorTokenIs401() {
        given().header("Authorization", "Bearer not-the-operator")
                .contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post("/api/v1/admin/users")
                .then()
                .statusCode(401)
                .body("type", is("authentication_error"));
    }

    @Test
    void unknownOrganizationIs404() {
        operator()
                .body("{\"slug\":\"w\",\"name\":\"W\"}")
                .post("/api/v1/admin/orgs/no-such-org/workspaces")
                .then()
                .statusCode(404)
                .body("type", is("not_found_error"));
    }
}
