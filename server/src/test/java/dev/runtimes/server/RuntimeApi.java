package dev.runtimes.server;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import dev.runtimes.server.Tenants.Member;
import dev.runtimes.server.Tenants.Tenant;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The runtime operations over real HTTP, as one member of a tenant. Every answer is checked
 * against the spec the server serves; requests are not, so tests may send what the spec forbids.
 */
public final class RuntimeApi {
    private static final OpenApiValidationFilter SPEC = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("META-INF/openapi/runtimes-api.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final Tenant tenant;
    private final Member member;

    public RuntimeApi(Tenant tenant, Member member) {
        this.tenant = tenant;
        this.member = member;
    }

    /** The same tenant, as another member. */
    public RuntimeApi as(Member other) {
        return new RuntimeApi(tenant, other);
    }

    /** A request with credentials and no body, as {@code curl -X POST} sends it. */
    public RequestSpecification request() {
        return given().filter(SPEC)
                .header("Authorization", "Bearer " + member.token())
                .noContentType();
    }

    private RequestSpecification request(String json) {
        return request().contentType(ContentType.JSON).body(json);
    }

    public String path(String suffix) {
        return tenant.runtimesPath() + suffix;
    }

    public Response create(String json) {
        return request(json).post(path(""));
    }

    public Response get(String runtime) {
        return request().get(path("/" + runtime));
    }

    public Response update(String runtime, String json) {
        return request(json).patch(path("/" + runtime));
    }

    public Response delete(String runtime) {
        return request().delete(path("/" + runtime));
    }

    public Response start(String runtime) {
        return request().post(path("/" + runtime + "/start"));
    }

    public Response start(String runtime, String json) {
        return request(json).post(path("/" + runtime + "/start"));
    }

    public Response pause(String runtime) {
        return request().post(path("/" + runtime + "/pause"));
    }

    public Response resume(String runtime) {
        return request().post(path("/" + runtime + "/resume"));
    }

    public Response reset(String runtime) {
        return request().post(path("/" + runtime + "/reset"));
    }

    public Response keepalive(String runtime, int extendSeconds) {
        return request("{\"extend_seconds\":" + extendSeconds + "}").post(path("/" + runtime + "/keepalive"));
    }

    /** A new idle runtime with all defaults; its id. */
    public String createIdle(String key) {
        return create("{\"key\":\"" + key + "\",\"name\":\"Runtime " + key + "\"}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    /** Starts the runtime; the answer, with {@code runtime} and {@code sandbox_token}. */
    public JsonPath started(String runtime) {
        return start(runtime).then().statusCode(200).extract().jsonPath();
    }
}
