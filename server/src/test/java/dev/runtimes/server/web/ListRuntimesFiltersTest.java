package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Member;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Project;
import dev.runtimes.server.tenancy.TenancyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each filter of the list alone and combined, and cursors bound to their filters. */
@QuarkusTest
class ListRuntimesFiltersTest {
    @Inject
    Tenants tenants;

    @Inject
    TenancyService tenancy;

    Tenant tenant;
    Member colleague;
    Project analytics;
    UUID mineDefault;
    UUID mineAnalyticsMl;
    UUID theirsDefaultMl;
    UUID theirsAnalyticsMlProd;

    @BeforeEach
    void createRuntimes() {
        tenant = tenants.tenant();
        colleague = tenants.member(tenant.orgId(), Membership.MEMBER);
        analytics = tenancy.createProject(tenant.workspaceId(), "analytics", "Analytics");
        mineDefault = tenants.runtime(tenant, tenant.owner(), "mine-default", tenant.defaultProjectId(), Map.of());
        mineAnalyticsMl =
                tenants.runtime(tenant, tenant.owner(), "mine-analytics", analytics.id(), Map.of("team", "ml"));
        theirsDefaultMl =
                tenants.runtime(tenant, colleague, "theirs-default", tenant.defaultProjectId(), Map.of("team", "ml"));
        theirsAnalyticsMlProd = tenants.runtime(
                tenant, colleague, "theirs-analytics", analytics.id(), Map.of("team", "ml", "env", "prod"));
    }

    private RequestSpecification as(Member member) {
        return given().header("Authorization", "Bearer " + member.token());
    }

    private String path() {
        return tenant.runtimesPath();
    }

    private List<UUID> ids(RequestSpecification request) {
        return request
                .get(path())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class)
                .stream()
                .map(UUID::fromString)
                .toList();
    }

    @Test
    void noFilterListsTheWholeWorkspaceForEveryMember() {
        List<UUID> all = List.of(theirsAnalyticsMlProd, theirsDefaultMl, mineAnalyticsMl, mineDefault);
        assertThat(ids(as(tenant.owner()))).containsExactlyElementsOf(all);
        assertThat(ids(as(colleague))).containsExactlyElementsOf(all);
    }

    @Test
    void projectFilter() {
        assertThat(ids(as(colleague).queryParam("project_id", analytics.id().toString())))
                .containsExactly(theirsAnalyticsMlProd, mineAnalyticsMl);
    }

    @Test
    void ownerFilterSelectsTheCallersRuntimes() {
        assertThat(ids(as(tenant.owner()).queryParam("owner", "me"))).containsExactly(mineAnalyticsMl, mineDefault);
        assertThat(ids(as(colleague).queryParam("owner", "me")))
                .containsExactly(theirsAnalyticsMlProd, theirsDefaultMl);
    }

    @Test
    void labelFiltersAreAnded() {
        assertThat(ids(as(colleague).queryParam("label", "team:ml")))
                .containsExactly(theirsAnalyticsMlProd, theirsDefaultMl, mineAnalyticsMl);
        assertThat(ids(as(colleague).queryParam("label", "team:ml", "env:prod")))
                .containsExactly(theirsAnalyticsMlProd);
        assertThat(ids(as(colleague).queryParam("label", "team:ml", "team:web")))
                .isEmpty();
        assertThat(ids(as(colleague).queryParam("label", "team:"))).isEmpty();
    }

    @Test
    void stateFilterAcceptsRepeatedValues() {
        assertThat(ids(as(colleague).queryParam("state", "running"))).isEmpty();
        assertThat(ids(as(colleague).queryParam("state", "idle", "running"))).hasSize(4);
        assertThat(ids(as(colleague).queryParam("state", "paused", "running"))).isEmpty();
    }

    @Test
    void filtersCombine() {
        assertThat(ids(as(tenant.owner())
                        .queryParam("owner", "me")
                        .queryParam("project_id", analytics.id().toString())
                        .queryParam("label", "team:ml")
                        .queryParam("state", "idle")))
                .containsExactly(mineAnalyticsMl);
    }

    @Test
    void aCombinationPagesThroughItsMatchesInListOrderWhicheverFilterIsRarer() {
        var first = as(colleague)
                .queryParam("label", "team:ml")
                .queryParam("project_id", analytics.id().toString())
                .queryParam("state", "idle", "paused")
                .queryParam("limit", 1)
                .get(path())
                .jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(theirsAnalyticsMlProd.toString());
        var second = as(colleague)
                .queryParam("label", "team:ml")
                .queryParam("project_id", analytics.id().toString())
                .queryParam("state", "idle", "paused")
                .queryParam("limit", 1)
                .queryParam("cursor", first.getString("next_cursor"))
                .get(path())
                .jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactly(mineAnalyticsMl.toString());
        assertThat(ids(as(colleague).queryParam("label", "env:prod").queryParam("owner", "me")))
                .containsExactly(theirsAnalyticsMlProd);
        assertThat(ids(as(colleague).queryParam("label", "team:ml").queryParam("state", "running")))
                .isEmpty();
    }

    @Test
    void filteredWalkPagesThroughMatchesOnly() {
        var first = as(colleague)
                .queryParam("label", "team:ml")
                .queryParam("limit", 2)
                .get(path())
                .jsonPath();
        assertThat(first.getList("items.id", String.class))
                .containsExactly(theirsAnalyticsMlProd.toString(), theirsDefaultMl.toString());
        var second = as(colleague)
                .queryParam("label", "team:ml")
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("next_cursor"))
                .get(path())
                .jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactly(mineAnalyticsMl.toString());
        assertThat(second.getString("next_cursor")).isNull();
    }

    @Test
    void cursorUsedWithOtherFiltersIs400() {
        String cursor = as(colleague)
                .queryParam("label", "team:ml")
                .queryParam("limit", 1)
                .get(path())
                .jsonPath()
                .getString("next_cursor");
        as(colleague)
                .queryParam("label", "team:web")
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get(path())
                .then()
                .statusCode(400)
                .body("type", org.hamcrest.Matchers.is("invalid_request_error"))
                .body("errors[0].loc", org.hamcrest.Matchers.contains("query", "cursor"));
        as(colleague)
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get(path())
                .then()
                .statusCode(400);
        // owner=me binds the cursor to its caller
        String mine = as(tenant.owner())
                .queryParam("owner", "me")
                .queryParam("limit", 1)
                .get(path())
                .jsonPath()
                .getString("next_cursor");
        as(colleague)
                .queryParam("owner", "me")
                .queryParam("limit", 1)
                .queryParam("cursor", mine)
                .get(path())
                .then()
                .statusCode(400);
    }
}
