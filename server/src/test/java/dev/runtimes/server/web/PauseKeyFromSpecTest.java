package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether {@code pauseRuntime} takes an {@code Idempotency-Key} is what the served spec's
 * {@code x-idempotency-key} says, and nothing else: the server built from it replays a repeated pause
 * with the same key, or disregards the key and refuses the second pause. {@code .ci/spec-bound-round-trip}
 * builds the server from a spec that gives {@code pauseRuntime} the trait and runs the replay case.
 */
@QuarkusTest
class PauseKeyFromSpecTest {
    @Inject
    Tenants tenants;

    RuntimeApi api;
    String runtime;

    @BeforeEach
    void aRunningRuntime() {
        Tenants.Tenant tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
        runtime = api.createIdle("paused-twice");
        api.started(runtime);
    }

    @AfterEach
    void resetIt() {
        api.reset(runtime).then().statusCode(200);
    }

    @Test
    void aSecondPauseWithTheSameKeyIsTheFirstAnswerAgain() {
        assumeTrue(pauseTakesAKey(), "the spec gives pauseRuntime no x-idempotency-key");
        String key = UUID.randomUUID().toString();
        Response first = pause(key);
        first.then().statusCode(200).body("status", is("paused"));

        Response again = pause(key);

        again.then().statusCode(200);
        assertThat(again.asString()).isEqualTo(first.asString());
    }

    @Test
    void withoutTheTraitTheKeyIsDisregarded() {
        assumeFalse(pauseTakesAKey(), "the spec gives pauseRuntime x-idempotency-key");
        String key = UUID.randomUUID().toString();
        pause(key).then().statusCode(200).body("status", is("paused"));

        pause(key)
                .then()
                .statusCode(409)
                .body("code", is(409))
                .body("type", is("conflict_error"))
                .body("detail", is("Runtime 'paused-twice' cannot be paused while it is paused."))
                .body("errors", nullValue());
    }

    private Response pause(String key) {
        return api.request().header("Idempotency-Key", key).post(api.path("/" + runtime + "/pause"));
    }

    private static boolean pauseTakesAKey() {
        return SpecResponses.spec()
                .at("/paths/~1api~1v1~1org~1{org}~1ws~1{workspace}~1runtimes~1{runtime_id}~1pause/post")
                .path("x-idempotency-key")
                .asBoolean(false);
    }
}
