package dev.runtimes.contract.hostile;

import static dev.runtimes.contract.harness.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.Credentials;
import dev.runtimes.contract.harness.Target;
import dev.runtimes.contract.scenarios.Scenarios;
import dev.runtimes.contract.scenarios.Tenants;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The negative suite: thousands of malformed and boundary requests, generated from the spec for
 * every operation (see {@link RequestGenerator}), sent as raw HTTP to the server on PostgreSQL.
 * No answer may be a 5xx, every answer must be what the spec documents for its operation, and
 * no request the spec forbids may succeed.
 *
 * <p>{@code -Dhostile.seed=<long>} replays or varies the run (the seed is printed), and
 * {@code -Dhostile.requests=<n>} changes how many requests are sent.
 */
@QuarkusTest
@TestProfile(UnlimitedQuotas.class)
class NegativeRequestsTest implements Scenarios {
    static final long DEFAULT_SEED = 20261129L;
    static final int DEFAULT_REQUESTS = 10_000;
    private static final int SENDERS = 4;
    private static final int REPORTED = 40;

    @TestHTTPResource("/")
    URL root;

    private Target target;

    @Override
    public Target target() {
        if (target == null) {
            target = InProcessTarget.of("in-process (hostile)", root);
        }
        return target;
    }

    /** What one request got: its status, or the reasons it broke the contract. */
    private record Verdict(HostileRequest request, int status, boolean byTransport, List<String> problems) {}

    @Test
    void noHostileRequestGetsA5xxOrAnAnswerTheSpecDoesNotDocument() throws Exception {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        int count = Integer.getInteger("hostile.requests", DEFAULT_REQUESTS);
        Fixture fixture = fixture();
        RequestGenerator generator = new RequestGenerator(ContractSpec.get(), fixture);
        SplittableRandom random = new SplittableRandom(seed);
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(generator.next(random));
        }

        List<Verdict> verdicts = sendAll(requests);
        removeRuntimes(fixture);

        Map<Integer, Long> statuses =
                verdicts.stream().collect(Collectors.groupingBy(Verdict::status, TreeMap::new, Collectors.counting()));
        Map<String, Long> perOperation = requests.stream()
                .collect(Collectors.groupingBy(r -> r.operation().id(), TreeMap::new, Collectors.counting()));
        List<Verdict> failed =
                verdicts.stream().filter(v -> !v.problems().isEmpty()).toList();
        long byTransport = verdicts.stream().filter(Verdict::byTransport).count();
        System.out.printf(
                "Negative suite: %d requests sent (seed %d, -Dhostile.seed to change), %d operations, %d failed%n"
                        + "  statuses: %s%n"
                        + "  refused below the server (request line over %d bytes, headers over %d, chunked framing): %d%n"
                        + "  per operation: %s%n",
                verdicts.size(),
                seed,
                perOperation.size(),
                failed.size(),
                statuses,
                ResponseJudge.REQUEST_LINE_LIMIT,
                ResponseJudge.HEADER_LIMIT,
                byTransport,
                perOperation);
        assertThat(perOperation.keySet())
                .as("every operation of the spec is fuzzed")
                .containsExactlyInAnyOrderElementsOf(generator.operationIds());
        assertThat(failed)
                .as(
                        "%d of %d hostile requests (seed %d) broke the contract; the first %d:\n%s",
                        failed.size(), verdicts.size(), seed, Math.min(REPORTED, failed.size()), report(failed))
                .isEmpty();
    }

    private List<Verdict> sendAll(List<HostileRequest> requests) throws Exception {
        Wire wire = new Wire(target().baseUrl());
        ResponseJudge judge = new ResponseJudge();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Verdict>> answers = new ArrayList<>();
            for (HostileRequest request : requests) {
                answers.add(senders.submit(() -> judge(wire, judge, request)));
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (Future<Verdict> answer : answers) {
                verdicts.add(answer.get());
            }
            return verdicts;
        } finally {
            senders.shutdownNow();
        }
    }

    private static Verdict judge(Wire wire, ResponseJudge judge, HostileRequest request) {
        ResponseJudge.Expectation expected = judge.expect(request);
        HttpResponse<String> response;
        try {
            response = wire.send(request);
        } catch (UncheckedIOException e) {
            return new Verdict(request, 0, false, List.of("no answer: " + e.getCause()));
        }
        if (ResponseJudge.refusedByTransport(request, response)) {
            return new Verdict(request, response.statusCode(), true, List.of());
        }
        return new Verdict(request, response.statusCode(), false, judge.problems(request, expected, response));
    }

    /** The distinct failures (same mutation, status and problem) with their counts, then the first requests in full. */
    private static String report(List<Verdict> failed) {
        Map<String, Long> distinct = failed.stream()
                .collect(Collectors.groupingBy(
                        v -> v.request().mutation() + " -> " + v.status() + " "
                                + v.problems().get(0),
                        TreeMap::new,
                        Collectors.counting()));
        return distinct.entrySet().stream()
                        .map(e -> "  " + e.getValue() + " x " + HostileRequest.shorten(e.getKey()))
                        .collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator()
                + failed.stream()
                        .limit(REPORTED)
                        .map(v -> "  " + v.request() + System.lineSeparator() + "    -> " + v.status() + " "
                                + v.problems())
                        .collect(Collectors.joining(System.lineSeparator()));
    }

    /** A tenant with an owner and a member, their runtimes, and the operator's things to point at. */
    private Fixture fixture() {
        Tenants tenants = tenants();
        Tenants.Tenant tenant = tenants.tenant();
        Tenants.Member member = tenants.member(tenant.org(), "member");
        JsonNode own = createRuntime(tenant, tenant.owner().key());
        createRuntime(tenant, tenant.owner().key());
        JsonNode others = createRuntime(tenant, member.key());
        JsonNode revoked = tenants.key(tenant.owner().userId(), object("name", "revoked"));
        target().send(
                        Channel.RAW,
                        Call.to("revokeApiKey")
                                .path("key_id", revoked.path("id").asText())
                                .as(target().operator()))
                .hasStatus(204);
        String userId = tenants.user();
        JsonNode scratch = tenants.key(userId, object("name", "scratch"));
        String cursor = target().send(
                        Channel.RAW,
                        Call.to("listRuntimes")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .query("limit", 1)
                                .as(tenant.owner().key()))
                .hasStatus(200)
                .body()
                .path("next_cursor")
                .asText();
        String operatorToken = target().operator().value().substring("Bearer ".length());
        return new Fixture(
                tenant.org(),
                tenant.workspace(),
                tenant.owner().token(),
                member.token(),
                revoked.path("token").asText(),
                operatorToken,
                List.of(own.path("key").asText(), own.path("id").asText()),
                others.path("key").asText(),
                userId,
                scratch.path("id").asText(),
                cursor);
    }

    /**
     * Deletes the fixture's runtimes, which stops any sandbox the requests started on them: a
     * sandbox is a process of its own and outlives the server under test. A hostile request may
     * have deleted one already (a well-formed delete by its owner is among them): then it is 404.
     */
    private void removeRuntimes(Fixture fixture) {
        Map<String, String> owners = Map.of(
                fixture.ownRuntimes().get(1), fixture.ownerToken(),
                fixture.othersRuntime(), fixture.memberToken());
        owners.forEach((runtime, token) -> target().send(
                        Channel.RAW,
                        Call.to("deleteRuntime")
                                .path("org", fixture.org())
                                .path("workspace", fixture.workspace())
                                .path("runtime_id", runtime)
                                .as(Credentials.bearer(token)))
                .hasStatusIn(204, 404));
    }

    private JsonNode createRuntime(Tenants.Tenant tenant, Credentials caller) {
        return target().send(
                        Channel.RAW,
                        Call.to("createRuntime")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .body(object("key", Tenants.unique("rt"), "name", "Hostile fixture"))
                                .as(caller))
                .hasStatus(201)
                .body();
    }
}
