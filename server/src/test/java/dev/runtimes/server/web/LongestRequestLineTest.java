package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.runtimes.server.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The longest list call the spec allows reaches the server: slugs of 63 characters and every
 * filter at its bound, each character of the labels' values and of the cursor percent-encoded
 * to 9 bytes (the longest a character the server counts as one can take).
 */
@QuarkusTest
class LongestRequestLineTest {
    private static final int SLUG = 63;
    private static final int LABELS = 32;
    private static final int LABEL_LENGTH = 320;
    private static final int CURSOR_LENGTH = 1024;
    private static final String WIDE = "€";

    private String path;
    private String projectId;
    private String token;

    private static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + OperatorsResourceTest.OPERATOR_TOKEN)
                .contentType("application/json");
    }

    private static String post(String path, String body, String field) {
        return operator().body(body).post(path).then().statusCode(201).extract().path(field);
    }

    @BeforeEach
    void longestSlugs() {
        String unique = Tenants.unique().toLowerCase();
        String org = (unique + "-" + "o".repeat(SLUG)).substring(0, SLUG);
        String workspace = "w".repeat(SLUG);
        post("/api/v1/admin/orgs", "{\"slug\":\"" + org + "\",\"name\":\"Long\"}", "slug");
        projectId = post(
                "/api/v1/admin/orgs/" + org + "/workspaces",
                "{\"slug\":\"" + workspace + "\",\"name\":\"Long\"}",
                "default_project_id");
        String userId = post("/api/v1/admin/users", "{\"name\":\"long-" + unique + "\"}", "id");
        post("/api/v1/admin/orgs/" + org + "/members", "{\"user_id\":\"" + userId + "\",\"role\":\"owner\"}", "role");
        token = post("/api/v1/admin/users/" + userId + "/api-keys", "{\"name\":\"long\"}", "token");
        path = "/api/v1/org/" + org + "/ws/" + workspace + "/runtimes";
    }

    /** Every filter at its bound; a label's key is 63 characters with '/' (3 bytes encoded) after the first. */
    private String longestQuery() {
        List<String> parts = new ArrayList<>(List.of(
                "state=running", "state=paused", "state=idle", "project_id=" + projectId, "owner=me", "limit=100"));
        for (int i = 0; i < LABELS; i++) {
            String key = (char) ('a' + i % 26) + "/".repeat(62);
            String value = WIDE.repeat(LABEL_LENGTH - key.length() - 1);
            parts.add("label=" + encoded(key + ":" + value));
        }
        return String.join("&", parts);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theLongestListTheSpecAllowsIsAnswered() {
        String target = path + "?" + longestQuery();
        assertThat(("GET " + target + " HTTP/1.1").length()).isGreaterThan(80_000);
        given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token)
                .get(target)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void withTheLongestCursorTooItReachesTheServer() {
        String target = path + "?" + longestQuery() + "&cursor=" + encoded(WIDE.repeat(CURSOR_LENGTH));
        assertThat(("GET " + target + " HTTP/1.1").length()).isGreaterThan(89_000);
        given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token)
                .get(target)
                .then()
                .statusCode(400)
                .header("X-Request-Id", notNullValue())
                .body("type", is("invalid_request_error"))
                .body("errors[0].loc", contains("query", "cursor"));
    }
}
