package dev.runtimes.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Boots the server from its jar (a test dependency of this module) and checks that the list
 * endpoint answers 200 with a body that the spec accepts. Real suites come later.
 */
@QuarkusTest
class SmokeTest {

    /** The contract, copied onto the test classpath by this module's pom. */
    static final String SPEC = "openapi/runtimes-api.yaml";

    private static final OpenApiValidationFilter VALIDATION = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build());

    @Test
    void listRuntimesAnswersWithAValidPage() {
        given().filter(VALIDATION)
                .header("Authorization", "Bearer smoke-test-token")
                .when()
                .get("/api/v1/org/example/ws/example/runtimes")
                .then()
                .statusCode(200)
                .body("items", notNullValue());
    }
}
