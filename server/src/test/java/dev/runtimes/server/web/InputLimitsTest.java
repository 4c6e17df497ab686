package dev.runtimes.server.web;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile bodies: too large (413), nested too deep or malformed (400), all in the envelope. */
@QuarkusTest
class InputLimitsTest {
    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    Tenants tenants;

    RuntimeApi api;

    @BeforeEach
    void createTenant() {
        Tenants.Tenant tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        api.request()
                .contentType(ContentType.JSON)
                .body(bodyOf(MAX_BODY_BYTES + 1))
                .post(api.path(""))
                .then()
                .statusCode(413)
                .body("code", is(413))
                .body("type", is("payload_too_large_error"))
                .body("detail", is("The request body is larger than 65536 bytes."))
                .body("errors", nullValue());
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        api.request()
                .contentType(ContentType.JSON)
                .body(bodyOf(MAX_BODY_BYTES))
                .post(api.path(""))
                .then()
                .statusCode(422)
                .body("errors[0].loc", org.hamcrest.Matchers.contains("body", "description"));
    }

    @Test
    void aBodyNestedTooDeeplyIs400() {
        String deep =
                "{\"key\":\"nb\",\"name\":\"x\",\"extra\":" + "[{\"a\":".repeat(2500) + "1" + "}]".repeat(2500) + "}";
        api.request()
                .contentType(ContentType.JSON)
                .body(deep)
                .post(api.path(""))
                .then()
                .statusCode(400)
                .body("type", is("invalid_request_error"))
                .body("detail", is("The request body is nested deeper than 16 levels."))
                .body("errors", nullValue());
    }

    @Test
    void malformedJsonIs400() {
        api.request()
                .contentType(ContentType.JSON)
                .body("{\"key\": \"nb\", ")
                .post(api.path(""))
                .then()
                .statusCode(400)
                .body("type", is("invalid_request_error"))
                .body("detail", is("The request body is not valid JSON."));
    }

    /** A create body of exactly {@code size} bytes whose description is far too long. */
    private static String bodyOf(int size) {
        String head = "{\"key\":\"nb\",\"name\":\"x\",\"description\":\"";
        String tail = "\"}";
        return head + "d".repeat(size - head.length() - tail.length()) + tail;
    }
}
