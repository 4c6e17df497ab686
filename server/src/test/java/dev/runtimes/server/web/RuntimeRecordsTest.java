package dev.runtimes.server.web;

import static dev.runtimes.server.web.OneInvalidValue.is422On;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Member;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.service.DurableConfig;
import dev.runtimes.server.tenancy.TenancyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runtimes as records: ensure by key, read by id or key, rename and relabel, and who may do what. */
@QuarkusTest
class RuntimeRecordsTest {
    private static final String MINIMAL = "{\"key\":\"nb\",\"name\":\"Notebook\"}";

    @Inject
    Tenants tenants;

    @Inject
    TenancyService tenancy;

    Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @Test
    void createMakesAnIdleRuntimeWithEveryDefault() {
        JsonPath created = api.create("{\"key\":\"nb\",\"name\":\"Notebook\",\"description\":\"For ML\","
                        + "\"labels\":{\"team\":\"ml\"}}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(created.getString("key")).isEqualTo("nb");
        assertThat(created.getString("name")).isEqualTo("Notebook");
        assertThat(created.getString("description")).isEqualTo("For ML");
        assertThat(created.getString("status")).isEqualTo("idle");
        assertThat(created.getString("project_key")).isEqualTo("default");
        assertThat(created.getString("project_id"))
                .isEqualTo(tenant.defaultProjectId().toString());
        assertThat(created.getMap("labels")).containsExactly(Map.entry("team", "ml"));
        assertThat(created.getString("config_digest"))
                .isEqualTo(DurableConfig.defaults().digest());
        assertThat(created.getString("config_version")).isEqualTo("v2");
        assertThat(created.getBoolean("owned_by_me")).isTrue();
        assertThat(created.getString("created_by")).isEqualTo(tenant.owner().name());
        assertThat(created.getString("instance")).isNull();
    }

    @Test
    void ensureAnswers200WithTheIdenticalRuntime() {
        String id =
                api.create(MINIMAL).then().statusCode(201).extract().jsonPath().getString("id");
        String allDefaults = "{\"key\":\"nb\",\"name\":\"Another name\",\"project\":\"default\",\"config\":{"
                + "\"version\":\"v2\",\"sandbox\":{\"timeout_seconds\":3600},"
                + "\"resources\":{\"cpu_cores\":2,\"memory_mb\":2048},\"runtime_server\":{\"env\":{}}}}";
        api.create(allDefaults).then().statusCode(200).body("id", is(id)).body("name", is("Notebook"));
        api.create("{\"key\":\"nb\",\"name\":\"x\",\"project\":\"" + tenant.defaultProjectId() + "\"}")
                .then()
                .statusCode(200)
                .body("id", is(id));
        Member colleague = tenants.member(tenant.orgId(), Membership.MEMBER);
        api.as(colleague)
                .create(MINIMAL)
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("owned_by_me", is(false));
    }

    @Test
    void ensureRefusesTheKeyWithAnotherConfigurationOrProject() {
        api.create(MINIMAL).then().statusCode(201);
        tenancy.createProject(tenant.workspaceId(), "analytics", "Analytics");
        alreadyExists(
                api.create("{\"key\":\"nb\",\"name\":\"Notebook\",\"config\":{\"resources\":{\"cpu_cores\":4}}}"),
                "Runtime 'nb' already exists in workspace '" + tenant.org() + "/" + tenant.workspace()
                        + "' with another configuration ("
                        + DurableConfig.defaults().digest() + ").");
        alreadyExists(
                api.create("{\"key\":\"nb\",\"name\":\"Notebook\",\"project\":\"analytics\"}"),
                "Runtime 'nb' already exists in workspace '" + tenant.org() + "/" + tenant.workspace()
                        + "' in another project.");
    }

    @Test
    void concurrentEnsuresOfOneKeyCreateOneRuntime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            IntStream.range(0, 10).forEach(i -> calls.add(() -> api.create(MINIMAL)));
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get().statusCode());
                ids.add(answer.get().jsonPath().getString("id"));
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"key\":\"Not_A_Key\",\"name\":\"x\"}|body/key|pattern_mismatch",
                "{\"name\":\"x\"}|body/key|missing",
                "{\"key\":\"nb\",\"name\":\"\"}|body/name|too_short",
                "{\"key\":\"nb\",\"name\":\"x\",\"labels\":{\"bad key\":\"v\"}}|body/labels/bad key|pattern_mismatch",
                "{\"key\":\"nb\",\"name\":\"x\",\"config\":{\"version\":\"v3\"}}|body/config/version|invalid_enum",
                "{\"key\":\"nb\",\"name\":\"x\",\"config\":{\"sandbox\":{\"timeout_seconds\":59}}}"
                        + "|body/config/sandbox/timeout_seconds|too_small",
                "{\"key\":\"nb\",\"name\":\"x\",\"config\":{\"sandbox\":{\"timeout_seconds\":86401}}}"
                        + "|body/config/sandbox/timeout_seconds|too_large",
                "{\"key\":\"nb\",\"name\":\"x\",\"config\":{\"resources\":{\"cpu_cores\":33}}}"
                        + "|body/config/resources/cpu_cores|too_large",
                "{\"key\":\"nb\",\"name\":\"x\",\"config\":{\"resources\":{\"memory_mb\":127}}}"
                        + "|body/config/resources/memory_mb|too_small",
                "{\"key\":\"nb\",\"name\":\"x\",\"config\":{\"runtime_server\":{\"env\":{\"1X\":\"v\"}}}}"
                        + "|body/config/runtime_server/env/1X|pattern_mismatch",
                "{\"key\":\"nb\",\"name\":\"x\",\"project\":\"nowhere\"}|body/project|invalid_value",
            })
    void invalidBodyIs422WithItsLocation(String body, String loc, String type) {
        is422On(api.create(body).then(), loc, type);
    }

    @Test
    void tooManyLabelsAndTooLongValuesAre422() {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            labels.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        api.create("{\"key\":\"nb\",\"name\":\"x\",\"labels\":{" + labels + "}}")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "labels"))
                .body("errors[0].type", is("too_long"));
        api.create("{\"key\":\"nb\",\"name\":\"x\",\"labels\":{\"team\":\"" + "v".repeat(257) + "\"}}")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "labels", "team"))
                .body("errors[0].type", is("too_long"));
        api.create("{\"key\":\"nb\",\"name\":\"x\",\"config\":{\"runtime_server\":{\"env\":{\"A\":\"" + "v".repeat(513)
                        + "\"}}}}")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "config", "runtime_server", "env", "A"))
                .body("errors[0].type", is("too_long"));
    }

    @Test
    void getFindsTheRuntimeByIdOrKeyAndEveryMemberMayRead() {
        String id = api.createIdle("nb");
        api.get(id).then().statusCode(200).body("key", is("nb"));
        api.get("nb").then().statusCode(200).body("id", is(id));
        Member colleague = tenants.member(tenant.orgId(), Membership.MEMBER);
        api.as(colleague).get("nb").then().statusCode(200).body("owned_by_me", is(false));
        api.get("missing")
                .then()
                .statusCode(404)
                .body("type", is("not_found_error"))
                .body(
                        "detail",
                        is("Runtime 'missing' was not found in workspace '" + tenant.org() + "/" + tenant.workspace()
                                + "'."));
        api.get("not_a_key")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("path", "runtime_id"))
                .body("errors[0].type", is("pattern_mismatch"));
    }

    @Test
    void updateChangesOnlyWhatTheBodyCarries() {
        String id = api.create("{\"key\":\"nb\",\"name\":\"Notebook\",\"description\":\"For ML\","
                        + "\"labels\":{\"team\":\"ml\"}}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        api.update(id, "{\"name\":\"Renamed\"}")
                .then()
                .statusCode(200)
                .body("name", is("Renamed"))
                .body("description", is("For ML"))
                .body("labels.team", is("ml"));
        api.update("nb", "{\"description\":\"\",\"labels\":{\"env\":\"prod\"}}")
                .then()
                .statusCode(200)
                .body("name", is("Renamed"))
                .body("description", nullValue())
                .body("labels.size()", is(1))
                .body("labels.env", is("prod"));
        api.get(id).then().body("labels.env", is("prod"));
        api.update(id, "{\"name\":\"\"}")
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("body", "name"))
                .body("errors[0].type", is("too_short"));
    }

    @Test
    void onlyTheOwnerMayChangeARuntime() {
        String id = api.createIdle("nb");
        Member colleague = tenants.member(tenant.orgId(), Membership.MEMBER);
        RuntimeApi theirs = api.as(colleague);
        String detail = "Only the owner of runtime 'nb' (" + tenant.owner().name() + ") may change it.";
        for (Response response : List.of(
                theirs.update(id, "{\"name\":\"Mine now\"}"),
                theirs.delete(id),
                theirs.start(id),
                theirs.pause(id),
                theirs.resume(id),
                theirs.reset(id),
                theirs.keepalive(id, 60))) {
            response.then()
                    .statusCode(403)
                    .body("code", is(403))
                    .body("type", is("forbidden_error"))
                    .body("detail", is(detail))
                    .body("errors", nullValue());
        }
        api.get(id).then().statusCode(200).body("name", is("Runtime nb")).body("status", is("idle"));
    }

    @Test
    void aKeyRestrictedToAnotherWorkspaceMayNotCreate() {
        String restricted = tenants.key(
                tenant.owner().userId(),
                tenant.orgId(),
                tenants.workspace(tenant).id(),
                null);
        given().header("Authorization", "Bearer " + restricted)
                .contentType("application/json")
                .body(MINIMAL)
                .post(api.path(""))
                .then()
                .statusCode(403)
                .body("type", is("forbidden_error"));
    }

    private static void alreadyExists(Response response, String detail) {
        response.then()
                .statusCode(409)
                .body("code", is(409))
                .body("type", is("already_exists_error"))
                .body("detail", is(detail))
                .body("errors", nullValue());
    }
}
