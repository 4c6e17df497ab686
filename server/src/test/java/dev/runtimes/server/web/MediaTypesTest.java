package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec's "Media types": JSON in, JSON out, {@code Accept} not consulted, no body no media type. */
@QuarkusTest
class MediaTypesTest {
    /** REST Assured as a plain HTTP client: no charset appended, no body encoded for us. */
    private static final RestAssuredConfig VERBATIM = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
                    .encodeContentTypeAs("multipart/form-data", ContentType.TEXT));

    @Inject
    Tenants tenants;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    private RequestSpecification asOwner() {
        return given().config(VERBATIM)
                .header("Authorization", "Bearer " + tenant.owner().token());
    }

    private String runtimes() {
        return tenant.runtimesPath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aBodyOfAnotherMediaTypeIs415(String mediaType) {
        asOwner()
                .contentType(mediaType)
                .body("{\"key\":\"k\",\"name\":\"n\"}")
                .post(runtimes())
                .then()
                .statusCode(415)
                .contentType("application/json")
                .body("code", is(415))
                .body("type", is("unsupported_media_type_error"));
    }

    /** Found by the contract tests' negative suite: these were 406 in the envelope, which no operation documents. */
    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "application/json;q=0", "garbage/"})
    void acceptIsNotConsulted(String accept) {
        asOwner().accept(accept).get(runtimes()).then().statusCode(200).contentType("application/json");
    }

    /** Found by the contract tests' negative suite: an empty multipart body could not be parsed, a 415. */
    @Test
    void anOperationWithoutABodyIgnoresTheContentTypeOfNoContent() {
        tenants.runtime(tenant, "idle");
        asOwner()
                .contentType("multipart/form-data; boundary=x")
                .post(runtimes() + "/idle/pause")
                .then()
                .statusCode(409)
                .body("type", is("conflict_error"));
    }
}
