package dev.runtimes.server.web.traits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.web.pipeline.RateLimitFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filters act on the trait annotations alone, whatever operation carries them: a spec change
 * that puts an extension on an operation changes its behaviour once the build carries the extension
 * onto the generated method ({@code TraitsInSpecTest}, {@code .ci/spec-bound-round-trip}).
 */
@QuarkusTest
class TraitsTest {
    @Inject
    Tenants tenants;

    Tenants.Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    @Test
    void anOperationWithTheTraitsAnswersItsStatusReplaysItsKeyAndTakesFromTheLifecycleQuota() {
        String key = UUID.randomUUID().toString();
        Response first = request().header(IdempotencyFilter.HEADER, key).post(path("/all"));
        first.then().statusCode(201);
        assertThat(first.header(RateLimitFilter.POLICY_HEADER)).contains("\"lifecycle\"");

        Response again = request().header(IdempotencyFilter.HEADER, key).post(path("/all"));
        again.then().statusCode(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(request().post(path("/all")).asString()).isNotEqualTo(first.asString());
    }

    @Test
    void anOperationWithoutThemIgnoresTheKeyAndTakesFromTheRequestsQuotaOnly() {
        String key = UUID.randomUUID().toString();
        Response first = request().header(IdempotencyFilter.HEADER, key).post(path("/none"));
        first.then().statusCode(200);
        assertThat(first.header("ETag")).isNull();
        assertThat(first.header(RateLimitFilter.POLICY_HEADER)).doesNotContain("\"lifecycle\"");
        Response again = request().header(IdempotencyFilter.HEADER, key).post(path("/none"));
        assertThat(again.asString()).isNotEqualTo(first.asString());
    }

    @Test
    void anEntityTaggedOperationAnswers304ToItsOwnTag() {
        String tag =
                request().get(path("/tagged")).then().statusCode(200).extract().header("ETag");
        assertThat(tag).isNotBlank();
        request().header("If-None-Match", tag).get(path("/tagged")).then().statusCode(304);
    }

    @Test
    void anOperationSecuredByTheOperatorTokenRefusesAnApiKey() {
        request().get(path("/operator")).then().statusCode(401).body("type", is("authentication_error"));
    }

    private RequestSpecification request() {
        return given().header("Authorization", "Bearer " + tenant.owner().token());
    }

    private String path(String suffix) {
        return "/api/v1/org/" + tenant.org() + "/ws/" + tenant.workspace() + "/test-only/traits" + suffix;
    }
}
