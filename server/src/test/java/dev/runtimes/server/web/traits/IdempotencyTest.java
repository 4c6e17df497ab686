package dev.runtimes.server.web.traits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.service.IdempotencyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on create, start, reset and delete. */
@QuarkusTest
class IdempotencyTest {
    private static final String BODY = "{\"key\":\"nb\",\"name\":\"Notebook\"}";

    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Rows rows;

    Tenants.Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void theSameCreateIsAnsweredWithTheFirstAnswerAgain() {
        String key = UUID.randomUUID().toString();
        Response first = create(key, BODY);
        first.then().statusCode(201);
        api.update("nb", "{\"name\":\"Renamed since\"}").then().statusCode(200);

        Response again = create(key, BODY);
        again.then().statusCode(201).contentType(ContentType.JSON);
        assertThat(again.asString()).isEqualTo(first.asString());
        // Without the key the same body is an ensure of the existing runtime: 200, as it is now.
        api.create(BODY).then().statusCode(200).body("name", is("Renamed since"));
    }

    @Test
    void theSameKeyWithAnotherRequestIs422() {
        String key = UUID.randomUUID().toString();
        create(key, BODY).then().statusCode(201);
        create(key, "{\"key\":\"other\",\"name\":\"Other\"}")
                .then()
                .statusCode(422)
                .body("code", is(422))
                .body("type", is("validation_error"))
                .body("detail", is("The request has 1 invalid value."))
                .body("errors[0].loc", contains("header", "Idempotency-Key"))
                .body("errors[0].msg", is("was used with another request in the last 24 hours"))
                .body("errors[0].type", is("invalid_value"));
        // Another operation is another request too.
        api.request()
                .header(IdempotencyFilter.HEADER, key)
                .delete(api.path("/nb"))
                .then()
                .statusCode(422);
    }

    @Test
    void theSameKeyWhileTheFirstRequestRunsIs409UntilItIsAbandoned() {
        clock.set(Instant.parse("2026-11-29T10:00:00Z"));
        String key = UUID.randomUUID().toString();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        IdempotencyService.Start running = idempotency.begin(
                tenant.owner().keyId(), key, IdempotencyFilter.fingerprint("POST", api.path(""), body));
        assertThat(running).isInstanceOf(IdempotencyService.Run.class);

        create(key, BODY)
                .then()
                .statusCode(409)
                .body("type", is("conflict_error"))
                .body("detail", is("Another request with the same Idempotency-Key is still in progress."))
                .body("errors", nullValue());

        // A request that never answered (its replica died) frees its key after ten minutes.
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        create(key, BODY).then().statusCode(201);
    }

    @Test
    void aStartIsRunOnceAndReplayedWithTheSameSandboxToken() throws Exception {
        api.createIdle("nb");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Response> start =
                    () -> api.request().header(IdempotencyFilter.HEADER, key).post(api.path("/nb/start"));
            List<Future<Response>> racing = List.of(pool.submit(start), pool.submit(start));
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : racing) {
                answers.add(answer.get());
            }
            // Both at once: one runs, the other finds it running (409) or already answered (200, replayed).
            assertThat(answers).extracting(Response::statusCode).contains(200).allMatch(s -> s == 200 || s == 409);
        } finally {
            pool.shutdownNow();
        }
        Response first = api.request().header(IdempotencyFilter.HEADER, key).post(api.path("/nb/start"));
        Response again = api.request().header(IdempotencyFilter.HEADER, key).post(api.path("/nb/start"));
        first.then().statusCode(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.jsonPath().getString("sandbox_token")).startsWith("sbx_");
        assertThat(api.get("nb").jsonPath().getString("instance.sandbox_id"))
                .isEqualTo(first.jsonPath().getString("runtime.instance.sandbox_id"));
    }

    @Test
    void aResetAndADeleteAreReplayedToo() {
        api.createIdle("nb");
        api.started("nb");
        String reset = UUID.randomUUID().toString();
        Response first = api.request().header(IdempotencyFilter.HEADER, reset).post(api.path("/nb/reset"));
        first.then().statusCode(200).body("status", is("idle"));
        api.request()
                .header(IdempotencyFilter.HEADER, reset)
                .post(api.path("/nb/reset"))
                .then()
                .statusCode(200)
                .body("status", is("idle"));
        api.reset("nb").then().statusCode(409);

        String delete = UUID.randomUUID().toString();
        api.request()
                .header(IdempotencyFilter.HEADER, delete)
                .delete(api.path("/nb"))
                .then()
                .statusCode(204);
        api.request()
                .header(IdempotencyFilter.HEADER, delete)
                .delete(api.path("/nb"))
                .then()
                .statusCode(204);
        api.delete("nb").then().statusCode(404);
    }

    @Test
    void errorsAreKeptButKeysBelongToOneApiKey() {
        String key = UUID.randomUUID().toString();
        api.request()
                .header(IdempotencyFilter.HEADER, key)
                .delete(api.path("/missing"))
                .then()
                .statusCode(404);
        api.createIdle("missing");
        // The first answer stands for 24 hours, even though the runtime exists now...
        api.request()
                .header(IdempotencyFilter.HEADER, key)
                .delete(api.path("/missing"))
                .then()
                .statusCode(404);
        // ...for this API key only: the owner's other key runs the request.
        RuntimeApi otherKey = api.as(new Tenants.Member(
                tenant.owner().userId(),
                tenant.owner().name(),
                tenants.key(tenant.owner().userId(), null, null, null),
                null));
        otherKey.request()
                .header(IdempotencyFilter.HEADER, key)
                .delete(otherKey.path("/missing"))
                .then()
                .statusCode(204);
    }

    @Test
    void answersExpireAfter24HoursAndTheSweepDeletesThem() {
        clock.set(Instant.parse("2026-11-29T10:00:00Z"));
        String key = UUID.randomUUID().toString();
        create(key, BODY).then().statusCode(201);
        clock.advance(IdempotencyService.RETENTION.plusSeconds(1));
        // Expired: the key is free for another request.
        create(key, "{\"key\":\"other\",\"name\":\"Other\"}").then().statusCode(201);

        clock.advance(IdempotencyService.RETENTION.plusSeconds(1));
        assertThat(idempotency.sweep()).isPositive();
        long left = rows.first(
                        "select count(*) from idempotency_keys where api_key_id = ?",
                        rs -> rs.getLong(1),
                        tenant.owner().keyId())
                .orElseThrow();
        assertThat(left).isZero();
    }

    @Test
    void aMalformedKeyIs422AtTheHeader() {
        api.request()
                .header(IdempotencyFilter.HEADER, "with space")
                .contentType(ContentType.JSON)
                .body(BODY)
                .post(api.path(""))
                .then()
                .statusCode(422)
                .body("errors[0].loc", contains("header", "Idempotency-Key"))
                .body("errors[0].type", is("pattern_mismatch"));
    }

    private Response create(String key, String body) {
        return api.request()
                .header(IdempotencyFilter.HEADER, key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(api.path(""));
    }
}
