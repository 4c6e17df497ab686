package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 401 says what was wrong with the credentials, as far as it is safe to say, and how to send them. */
@QuarkusTest
class AuthenticationDetailsTest {
    private static final String SEND_KEY = " Send the API key as Authorization: Bearer <token> or X-API-Key: <token>.";
    private static final String SEND_OPERATOR_TOKEN = " Send the operator token as Authorization: Bearer <token>.";
    private static final String NONE = "No credentials were sent.";
    private static final String NOT_BEARER = "The Authorization header does not use the Bearer scheme.";

    @Inject
    Tenants tenants;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    /** Headers as {@code Name=value} pairs joined by {@code ;}; {@code -} sends none. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-                                    | " + NONE + SEND_KEY,
                "Authorization=                       | " + NONE + SEND_KEY,
                "Authorization=Bearer                 | " + NONE + SEND_KEY,
                "X-API-Key=                           | " + NONE + SEND_KEY,
                "Authorization=my-secret-token        | " + NOT_BEARER + SEND_KEY,
                "Authorization=Basic dXNlcjpwYXNz     | " + NOT_BEARER + SEND_KEY,
                "Authorization=Bearerrtk_not-a-key    | " + NOT_BEARER + SEND_KEY,
                "Authorization=Bearer rtk_not-a-key   | The API key is not valid: it is unknown, revoked or expired."
                        + SEND_KEY,
                "Authorization=bearer rtk_not-a-key   | The API key is not valid: it is unknown, revoked or expired."
                        + SEND_KEY,
                "X-API-Key=rtk_not-a-key              | The API key is not valid: it is unknown, revoked or expired."
                        + SEND_KEY,
            })
    void anApiKeyRequestSaysWhatWasWrong(String headers, String detail) {
        assertUnauthenticated(with(headers).get(tenant.runtimesPath()), detail);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-                                  | " + NONE + SEND_OPERATOR_TOKEN,
                "Authorization=test-operator-token  | " + NOT_BEARER + SEND_OPERATOR_TOKEN,
                "Authorization=Bearer not-it        | The operator token is not valid." + SEND_OPERATOR_TOKEN,
                "X-API-Key=test-operator-token      | " + NONE + SEND_OPERATOR_TOKEN,
            })
    void anOperatorRequestSaysWhatWasWrong(String headers, String detail) {
        assertUnauthenticated(
                with(headers)
                        .contentType("application/json")
                        .body("{\"name\":\"x\"}")
                        .post("/api/v1/admin/users"),
                detail);
    }

    @ParameterizedTest
    @CsvSource({"Authorization, 'Bearer '", "X-API-Key, ''"})
    void anOverlongKeyIsNotValidAndIsNotRepeated(String header, String prefix) {
        String tooLong = "rtk_" + "z".repeat(197);
        Response response = given().header(header, prefix + tooLong).get(tenant.runtimesPath());
        assertUnauthenticated(response, "The API key is not valid: it is unknown, revoked or expired." + SEND_KEY);
        assertThat(response.asString()).doesNotContain(tooLong);
    }

    private static RequestSpecification with(String headers) {
        RequestSpecification request = given();
        if (!headers.equals("-")) {
            Arrays.stream(headers.split(";")).forEach(header -> {
                String[] parts = header.split("=", 2);
                request.header(parts[0], parts[1]);
            });
        }
        return request;
    }

    private static void assertUnauthenticated(Response response, String detail) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", 401);
        envelope.put("detail", detail);
        envelope.put("type", "authentication_error");
        envelope.put("errors", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"runtimes\"");
        assertThat(response.jsonPath().getMap("")).isEqualTo(envelope);
    }
}
