package dev.runtimes.server;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

/** The operator surface over real HTTP, with the test profile's operator token. */
public final class Operator {
    private static final String TOKEN = "test-operator-token";

    private Operator() {}

    /** Replaces the organization's settings ({@code PATCH /api/v1/admin/orgs/{org}}); the answer. */
    public static JsonPath updateOrganization(String org, String json) {
        return given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body(json)
                .patch("/api/v1/admin/orgs/" + org)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
