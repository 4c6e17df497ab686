package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Operator;
import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organization's runtime-limit levels, set on the operator surface, as start applies them. */
@QuarkusTest
class RuntimeLimitLevelsTest {
    @Inject
    Tenants tenants;

    Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void tenant() {
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @AfterEach
    void resetEverything() {
        api.request()
                .get(api.path("?state=running"))
                .jsonPath()
                .getList("items.id", String.class)
                .forEach(id -> api.reset(id).then().statusCode(200));
    }

    private long limitOfAStart(String key, String body) {
        String id = api.createIdle(key);
        JsonPath started = body == null
                ? api.started(id)
                : api.start(id, body).then().statusCode(200).extract().jsonPath();
        return started.getLong("runtime.instance.actual_runtime_limit_seconds");
    }

    @Test
    void theOrganizationsLevelsAreShownAndApplied() {
        JsonPath org = Operator.updateOrganization(
                tenant.org(),
                "{\"credit_balance\":null,\"member_limit\":null,"
                        + "\"max_runtime_limit_seconds\":7200,\"default_runtime_limit_seconds\":1800}");
        assertThat(org.getLong("max_runtime_limit_seconds")).isEqualTo(7200);
        assertThat(org.getLong("default_runtime_limit_seconds")).isEqualTo(1800);

        assertThat(limitOfAStart("defaulted", null)).isEqualTo(1800);
        assertThat(limitOfAStart("asked", "{\"requested_runtime_limit_seconds\":3600}"))
                .isEqualTo(3600);
        assertThat(limitOfAStart("lowered", "{\"requested_runtime_limit_seconds\":36000}"))
                .isEqualTo(7200);
    }

    @Test
    void clearedLevelsLeaveThePlatformsMaximum() {
        Operator.updateOrganization(
                tenant.org(), "{\"credit_balance\":null,\"member_limit\":null,\"max_runtime_limit_seconds\":600}");
        JsonPath cleared = Operator.updateOrganization(
                tenant.org(), "{\"max_runtime_limit_seconds\":null,\"default_runtime_limit_seconds\":null}");
        assertThat((Object) cleared.get("max_runtime_limit_seconds")).isNull();
        assertThat((Object) cleared.get("default_runtime_limit_seconds")).isNull();

        assertThat(limitOfAStart("platform", "{\"requested_runtime_limit_seconds\":100000}"))
                .isEqualTo(86400);
    }
}
