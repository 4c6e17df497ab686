package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.ratelimit.LiveReplicas;
import dev.runtimes.server.web.pipeline.ClientVersionFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per API key, with small quotas: 5 requests per 10 s, 2 starts and resets per 60 s.
 * The clock stands still, so buckets refill only when a test moves it.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallQuotas.class)
class RateLimitTest {
    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "runtimes.rate-limit.requests", "5",
                    "runtimes.rate-limit.requests-window", "10s",
                    "runtimes.rate-limit.lifecycle", "2",
                    "runtimes.rate-limit.lifecycle-window", "60s",
                    "runtimes.rate-limit.replica-heartbeat", "1s",
                    "runtimes.rate-limit.replica-timeout", "2s");
        }
    }

    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    LiveReplicas replicas;

    @Inject
    Rows rows;

    Tenants.Tenant tenant;
    RuntimeApi api;

    @BeforeEach
    void stopTheClock() {
        clock.set(Instant.parse("2026-11-29T10:00:00Z"));
        tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void everyAnswerSaysWhereTheKeyStands() {
        api.request()
                .get(api.path(""))
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"requests\";q=5;w=10")
                .header("RateLimit", "\"requests\";r=4;t=2");
        api.get("missing")
                .then()
                .statusCode(404)
                .header("RateLimit-Policy", "\"requests\";q=5;w=10")
                .header("RateLimit", "\"requests\";r=3;t=4");
        api.request()
                .header(ClientVersionFilter.HEADER, "0.0.1")
                .get(api.path(""))
                .then()
                .statusCode(426)
                .header("RateLimit", "\"requests\";r=2;t=6");
    }

    @Test
    void theRequestPastTheQuotaIs429WithRetryAfterUntilTheBucketRefills() {
        double refusedBefore = refusals("requests");
        for (int i = 0; i < 5; i++) {
            api.request().get(api.path("")).then().statusCode(200);
        }
        api.request()
                .get(api.path(""))
                .then()
                .statusCode(429)
                .header("Retry-After", "2")
                .header("RateLimit-Policy", "\"requests\";q=5;w=10")
                .header("RateLimit", "\"requests\";r=0;t=10")
                .body("code", is(429))
                .body("type", is("rate_limit_error"))
                .body(
                        "detail",
                        is("Rate limit of 5 requests per 10 seconds reached for this API key; retry in 2 seconds."))
                .body("errors", nullValue());
        assertThat(refusals("requests")).isEqualTo(refusedBefore + 1);

        clock.advance(Duration.ofMillis(1999));
        api.request().get(api.path("")).then().statusCode(429).header("Retry-After", "1");
        clock.advance(Duration.ofMillis(1));
        api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=0;t=10");
    }

    @Test
    void startAndResetAlsoTakeFromTheTighterLifecycleQuota() {
        double refusedBefore = refusals("lifecycle");
        api.start("missing").then().statusCode(404);
        api.reset("missing")
                .then()
                .statusCode(404)
                .header("RateLimit-Policy", "\"requests\";q=5;w=10, \"lifecycle\";q=2;w=60")
                .header("RateLimit", "\"requests\";r=3;t=4, \"lifecycle\";r=0;t=60");
        api.start("missing")
                .then()
                .statusCode(429)
                .header("Retry-After", "30")
                .body("type", is("rate_limit_error"))
                .body(
                        "detail",
                        is("Rate limit of 2 starts and resets per 60 seconds reached for this API key;"
                                + " retry in 30 seconds."));
        assertThat(refusals("lifecycle")).isEqualTo(refusedBefore + 1);
        // The refused start took nothing from the requests quota; other operations go on.
        api.pause("missing")
                .then()
                .statusCode(404)
                .header("RateLimit-Policy", "\"requests\";q=5;w=10")
                .header("RateLimit", "\"requests\";r=2;t=6");
    }

    @Test
    void oneKeysFloodLeavesEveryOtherKeyItsWholeQuota() throws Exception {
        RuntimeApi other = new RuntimeApi(tenant, tenants.member(tenant.orgId(), "member"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> flood = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                flood.add(pool.submit(() -> api.request().get(api.path("")).statusCode()));
            }
            List<Integer> otherStatuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Response answer = other.request().get(other.path(""));
                otherStatuses.add(answer.statusCode());
            }
            List<Integer> floodStatuses = new ArrayList<>();
            for (Future<Integer> status : flood) {
                floodStatuses.add(status.get());
            }
            assertThat(floodStatuses).filteredOn(status -> status == 200).hasSize(5);
            assertThat(floodStatuses).filteredOn(status -> status == 429).hasSize(35);
            assertThat(otherStatuses).containsOnly(200).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoLiveReplicasTakeHalfTheQuotaEachUntilTheOtherIsUnseen() {
        UUID other = UUID.randomUUID();
        rows.update(
                "insert into rate_limit_replicas (replica_id, seen_at) values (?, ?)",
                other,
                Rows.timestamp(clock.instant()));
        try {
            replicas.beat();
            assertThat(replicas.count()).isEqualTo(2);
            // Each request takes two of the five tokens: this replica admits two, the other its
            // share, and the tokens left estimate the key's quota across both.
            api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=3;t=4");
            api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=1;t=8");
            api.request()
                    .get(api.path(""))
                    .then()
                    .statusCode(429)
                    .header("Retry-After", "2")
                    .header("RateLimit-Policy", "\"requests\";q=5;w=10")
                    .header("RateLimit", "\"requests\";r=1;t=8");

            // Unseen for the 2 s replica timeout, the other no longer counts: one token a request.
            clock.advance(Duration.ofMillis(2500));
            replicas.beat();
            assertThat(replicas.count()).isEqualTo(1);
            api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=1;t=8");
        } finally {
            rows.update("delete from rate_limit_replicas where replica_id = ?", other);
            replicas.beat();
        }
    }

    @Test
    void theLevelsOfTheKeysServedGoToTheDatabaseAtTheNextHeartbeat() {
        api.request().get(api.path("")).then().statusCode(200);
        api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=3;t=4");
        replicas.beat();
        assertThat(rows.list(
                        "select quota, tokens from rate_limit_levels where api_key_id = ?",
                        rs -> rs.getString(1) + "=" + rs.getLong(2),
                        tenant.owner().keyId()))
                .as("the full lifecycle bucket is not published")
                .containsExactly("requests=3");
    }

    @Test
    void aBucketFallsToTheLowestLevelAnotherReplicaPublished() {
        replicas.beat();
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> rows.update(
                        "insert into rate_limit_levels (replica_id, api_key_id, quota, tokens, published_at)"
                                + " values (?, ?, 'requests', 1, ?)",
                        other,
                        tenant.owner().keyId(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        // Read 4 s after it was published with 1 token left: 2 more have refilled since, at 5 per 10 s.
        clock.advance(Duration.ofSeconds(4));
        replicas.beat();
        // Still counted as one replica: the other has no heartbeat row, only its levels.
        api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=2;t=6");
        api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=1;t=8");
        api.request().get(api.path("")).then().statusCode(200).header("RateLimit", "\"requests\";r=0;t=10");
        api.request().get(api.path("")).then().statusCode(429).header("Retry-After", "2");
    }

    @Test
    void unauthenticatedAnswersCarryNoRateLimitHeaders() {
        io.restassured.RestAssured.given()
                .get(api.path(""))
                .then()
                .statusCode(401)
                .header("RateLimit", nullValue())
                .header("RateLimit-Policy", nullValue());
    }

    private double refusals(String limit) {
        Counter counter = registry.find("runtimes.rate_limit.refusals")
                .tag("limit", limit)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
