package dev.runtimes.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calls of the page the product started from, against the server booted from its jar with
 * the bootstrap token: every answer must be one the spec documents.
 */
@QuarkusTest
class SeedPageTest {

    /** The contract, copied onto the test classpath by this module's pom. */
    static final String SPEC = "openapi/runtimes-api.yaml";

    /** Set as runtimes.bootstrap.token for the tests of this module (see its pom). */
    static final String BOOTSTRAP_TOKEN = "contract-bootstrap-token";

    /** Judges the responses only: the negative cases send requests the spec forbids on purpose. */
    private static final OpenApiValidationFilter RESPONSES =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(SPEC)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    @Test
    void seedCurlAnswersWithAValidPage() {
        given().filter(RESPONSES)
                .header("Authorization", "Bearer " + BOOTSTRAP_TOKEN)
                .when()
                .get("/api/v1/org/example/ws/example/runtimes?limit=50")
                .then()
                .statusCode(200)
                .body("items", notNullValue());
    }

    @ParameterizedTest
    @CsvSource({
        "limit=0, limit",
        "limit=101, limit",
        "limit=abc, limit",
        "state=bogus, state",
        "project_id=nope, project_id",
    })
    void invalidParameterAnswersWithTheDocumentedEnvelope(String query, String parameter) {
        given().filter(RESPONSES)
                .header("Authorization", "Bearer " + BOOTSTRAP_TOKEN)
                .when()
                .get("/api/v1/org/example/ws/example/runtimes?" + query)
                .then()
                .statusCode(422)
                .body("type", is("validation_error"))
                .body("errors[0].loc[0..1]", contains("query", parameter));
    }

    @ParameterizedTest
    @CsvSource(
            value = {"NONE", "Bearer wrong-token"},
            nullValues = "NONE")
    void missingOrWrongTokenAnswers401(String authorization) {
        var request = given().filter(RESPONSES);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.when()
                .get("/api/v1/org/example/ws/example/runtimes?limit=50")
                .then()
                .statusCode(401)
                .body("type", is("authentication_error"));
    }
}
