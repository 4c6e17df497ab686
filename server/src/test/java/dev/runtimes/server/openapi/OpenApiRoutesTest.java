package dev.runtimes.server.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The committed spec and Swagger UI, as a reader of the README finds them. */
@QuarkusTest
class OpenApiRoutesTest {

    @Test
    void theSpecIsServedByteForByte() throws IOException {
        byte[] served = given().get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType("application/yaml")
                .extract()
                .asByteArray();
        try (InputStream committed = getClass().getClassLoader().getResourceAsStream(OpenApiRoutes.SPEC)) {
            assertThat(served).isEqualTo(committed.readAllBytes());
        }
    }

    @Test
    void swaggerUiReadsTheServedSpec() {
        given().redirects()
                .follow(false)
                .get("/q/swagger-ui")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/q/swagger-ui/"));
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .body(containsString("swagger-initializer.js"));
        given().get("/q/swagger-ui/swagger-initializer.js")
                .then()
                .statusCode(200)
                .body(containsString("url: \"../openapi\""));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }

    @Test
    void aFileSwaggerUiDoesNotHaveIsTheNotFoundEnvelope() {
        given().get("/q/swagger-ui/nothing-here.js")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("type", is("not_found_error"));
    }
}
