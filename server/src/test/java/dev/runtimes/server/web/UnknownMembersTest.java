package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A member of a request body that its schema does not name is refused, each one named, never dropped. */
@QuarkusTest
class UnknownMembersTest {
    private static final String MESSAGE = "is not a member of this object";

    @Inject
    Tenants tenants;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    private RequestSpecification owner() {
        return given().header("Authorization", "Bearer " + tenant.owner().token())
                .contentType("application/json");
    }

    @Test
    void aMisspeltMemberIs422AndCreatesNothing() {
        Response response = owner().body("{\"key\":\"nb4\",\"name\":\"x\",\"nmae\":\"typo\"}")
                .post(tenant.runtimesPath());

        assertEnvelope(response, item(List.of("body", "nmae")));
        owner().get(tenant.runtimesPath() + "/nb4").then().statusCode(404);
    }

    @Test
    void everyUnknownMemberIsNamed() {
        Response response = owner().body("{\"key\":\"nb5\",\"name\":\"x\",\"nmae\":\"typo\",\"lables\":{}}")
                .post(tenant.runtimesPath());

        assertEnvelope(response, item(List.of("body", "nmae")), item(List.of("body", "lables")));
    }

    @Test
    void anUnknownMemberOfANestedObjectIsNamedAtItsPlace() {
        Response response = owner().body("{\"key\":\"nb6\",\"name\":\"x\",\"config\":{\"sandbox\":{\"timeout\":60}}}")
                .post(tenant.runtimesPath());

        assertEnvelope(response, item(List.of("body", "config", "sandbox", "timeout")));
    }

    @Test
    void aMapTakesAnyKey() {
        owner().body("{\"key\":\"nb7\",\"name\":\"x\",\"labels\":{\"nmae\":\"v\"},"
                        + "\"config\":{\"runtime_server\":{\"env\":{\"ANY_NAME\":\"v\"}}}}")
                .post(tenant.runtimesPath())
                .then()
                .statusCode(201);
    }

    @Test
    void anOperatorBodyIsHeldTheSameWay() {
        Response response = given().header("Authorization", "Bearer " + OperatorsResourceTest.OPERATOR_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"ada\",\"emial\":\"ada@example.com\"}")
                .post("/api/v1/admin/users");

        assertEnvelope(response, item(List.of("body", "emial")));
    }

    private static Map<String, Object> item(List<String> loc) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("loc", loc);
        item.put("msg", MESSAGE);
        item.put("type", "unknown_field");
        return item;
    }

    @SafeVarargs
    private static void assertEnvelope(Response response, Map<String, Object>... items) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", 422);
        envelope.put("detail", "The request has " + items.length + " invalid value" + (items.length == 1 ? "." : "s."));
        envelope.put("type", "validation_error");
        envelope.put("errors", List.of(items));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.jsonPath().getMap("")).isEqualTo(envelope);
    }
}
