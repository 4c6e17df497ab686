package dev.runtimes.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Member;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.domain.Membership;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code listEvents}: one event per change, in order, paged by a cursor that is always there;
 * filters; every refusal as the list refuses it; retention. Every answer is checked against the
 * spec.
 */
@QuarkusTest
class EventFeedTest {
    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    EventRetention retention;

    Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void tenant() {
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private String eventsPath() {
        return "/api/v1/org/" + tenant.org() + "/ws/" + tenant.workspace() + "/events";
    }

    private RequestSpecification events() {
        return api.request().basePath(eventsPath());
    }

    private JsonPath page(Map<String, ?> query) {
        return events().queryParams(query)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everyChangeOfARuntimeIsOneEventInOrderWithTheRuntimeAsTheListShowsIt() {
        String id = api.createIdle("notebook");
        api.update("notebook", "{\"name\":\"Notebook 2\"}").then().statusCode(200);
        api.started("notebook");
        api.keepalive("notebook", 600).then().statusCode(200);
        api.pause("notebook").then().statusCode(200);
        api.resume("notebook").then().statusCode(200);
        api.reset("notebook").then().statusCode(200);
        api.delete("notebook").then().statusCode(204);

        JsonPath page = page(Map.of());

        assertThat(page.getList("items.type"))
                .containsExactly(
                        "runtime.created",
                        "runtime.updated",
                        "sandbox.started",
                        "sandbox.expiry_extended",
                        "sandbox.paused",
                        "sandbox.resumed",
                        "sandbox.reset",
                        "runtime.deleted");
        assertThat(page.getList("items.runtime_id")).containsOnly(id);
        assertThat(page.getList("items.runtime_key")).containsOnly("notebook");
        assertThat(page.getList("items.actor")).containsOnly(tenant.owner().name());
        // The deleted runtime is null; GPath leaves it out of the statuses.
        assertThat(page.getList("items.runtime.status"))
                .containsExactly("idle", "idle", "running", "running", "paused", "running", "idle");
        assertThat(page.getList("items.runtime.name")).element(1).isEqualTo("Notebook 2");
        for (int i = 0; i < 8; i++) {
            assertThat(page.getString("items[" + i + "].pause_reason")).isEqualTo(i == 4 ? "user" : null);
        }
        assertThat(page.getString("items[4].runtime.instance.pause_reason")).isEqualTo("user");
        assertThat(page.getList("items.runtime.owned_by_me")).element(0).isEqualTo(true);
        assertThat(page.getString("items[7].runtime")).isNull();
        assertThat(page.getString("next_cursor")).isNotBlank();
    }

    @Test
    void pagesFollowTheCursorAndItsEndWaitsForWhatHappensLater() {
        for (int i = 0; i < 7; i++) {
            tenants.runtime(tenant, "r" + i);
        }
        List<String> keys = new ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonPath page = page(cursor == null ? Map.of("limit", 3) : Map.of("limit", 3, "after", cursor));
            keys.addAll(page.getList("items.runtime_key"));
            sizes.add(page.getList("items").size());
            cursor = page.getString("next_cursor");
            assertThat(cursor).isNotNull();
        }
        assertThat(sizes).containsExactly(3, 3, 1, 0);
        assertThat(keys).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6");

        tenants.runtime(tenant, "later");

        JsonPath later = page(Map.of("after", cursor));
        assertThat(later.getList("items.runtime_key")).containsExactly("later");
        assertThat(page(Map.of("after", later.getString("next_cursor"))).getList("items"))
                .isEmpty();
    }

    @Test
    void filtersByRuntimeIdOrKeyAndByTypes() {
        UUID one = tenants.runtime(tenant, "one");
        tenants.runtime(tenant, "two");
        tenants.delete(tenant, one);

        assertThat(page(Map.of("runtime_id", "one")).getList("items.type"))
                .containsExactly("runtime.created", "runtime.deleted");
        assertThat(page(Map.of("runtime_id", one.toString())).getList("items.type"))
                .containsExactly("runtime.created", "runtime.deleted");
        JsonPath deletions = events().queryParam("type", "runtime.deleted", "sandbox.paused")
                .get()
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(deletions.getList("items.runtime_key")).containsExactly("one");
        assertThat(page(Map.of("runtime_id", "none")).getList("items")).isEmpty();
    }

    @Test
    void badFiltersAndCursorsAreRefusedWithTheEnvelope() {
        events().queryParam("limit", 0)
                .get()
                .then()
                .statusCode(422)
                .body("errors[0].loc", is(List.of("query", "limit")));
        events().queryParam("limit", 501).get().then().statusCode(422).body("errors[0].type", is("too_large"));
        events().queryParam("type", "runtime.exploded")
                .get()
                .then()
                .statusCode(422)
                .body("errors[0].type", is("invalid_enum"));
        String cursor = page(Map.of()).getString("next_cursor");
        String tampered = (cursor.charAt(3) == 'A' ? "B" : "A");
        tampered = cursor.substring(0, 3) + tampered + cursor.substring(4);
        events().queryParam("after", tampered)
                .get()
                .then()
                .statusCode(400)
                .body("type", is("invalid_request_error"))
                .body("errors[0].loc", is(List.of("query", "after")))
                .body("errors[0].type", is("invalid_cursor"));

        Tenant other = tenants.tenant();
        Response foreign = new RuntimeApi(other, other.owner())
                .request()
                .queryParam("after", cursor)
                .get("/api/v1/org/" + other.org() + "/ws/" + other.workspace() + "/events");
        foreign.then().statusCode(400).body("errors[0].type", is("invalid_cursor"));
    }

    @Test
    void everyOtherCallerIsRefusedAsTheListRefusesThemAndNoEventOfAnotherWorkspaceIsShown() {
        Tenant other = tenants.tenant();
        tenants.runtime(other, "theirs");
        tenants.runtime(tenant, "ours");
        Member outsider = other.owner();
        Member plainMember = tenants.member(tenant.orgId(), Membership.MEMBER);
        String restricted = tenants.key(tenant.owner().userId(), tenant.orgId(), other.workspaceId(), null);

        assertThat(new RuntimeApi(tenant, plainMember)
                        .request()
                        .get(eventsPath())
                        .jsonPath()
                        .getList("items.runtime_key"))
                .containsExactly("ours");
        for (String token : List.of(outsider.token(), restricted, "rt_unknown")) {
            Response list = io.restassured.RestAssured.given()
                    .header("Authorization", "Bearer " + token)
                    .get(tenant.runtimesPath());
            Response events = io.restassured.RestAssured.given()
                    .header("Authorization", "Bearer " + token)
                    .get(eventsPath());
            assertThat(events.statusCode()).isEqualTo(list.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(events.jsonPath().getString("type"))
                    .isEqualTo(list.jsonPath().getString("type"));
        }
        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + tenant.owner().token())
                .get("/api/v1/org/" + tenant.org() + "/ws/nowhere/events")
                .then()
                .statusCode(404)
                .body("type", is("not_found_error"));
    }

    @Test
    void aCursorOlderThanTheEventsKeptIsRefusedNeverSkipped() {
        clock.set(clock.instant().minus(Duration.ofDays(8)));
        tenants.runtime(tenant, "old");
        String beforeOld = page(Map.of()).getString("next_cursor");
        tenants.runtime(tenant, "old-too");
        clock.release();
        tenants.runtime(tenant, "new");

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        events().queryParam("after", beforeOld)
                .get()
                .then()
                .statusCode(410)
                .body("code", is(410))
                .body("type", is("cursor_expired_error"))
                .body("errors", nullValue());
        JsonPath fromStart = page(Map.of());
        assertThat(fromStart.getList("items.runtime_key")).containsExactly("new");
        assertThat(page(Map.of("after", fromStart.getString("next_cursor"))).getList("items"))
                .isEmpty();
    }
}
