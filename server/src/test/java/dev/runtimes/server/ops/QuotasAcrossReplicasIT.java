package dev.runtimes.server.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimes.server.health.TcpProxy;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged servers on one database share each API key's quota: a key flooding both, in turn,
 * is admitted its quota once, not twice, and other keys keep theirs. When one server dies, the
 * other counts it out within the heartbeat plus the replica timeout and then admits the whole
 * quota alone. A third server that joins mid-flood begins where the key stands, and a server that
 * stops leaves what it admitted spent for the survivor. A server cut off from the database keeps
 * its last count, so it goes on limiting to its share. The window is long enough that refills add
 * under one request during the test.
 */
class QuotasAcrossReplicasIT {
    private static final Logger LOG = Logger.getLogger(QuotasAcrossReplicasIT.class);
    private static final int QUOTA = 40;
    /** The stated tolerance: at most 10 % over the quota. */
    private static final int MOST_ADMITTED = QUOTA + QUOTA / 10;

    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(4);
    private static final Map<String, String> SETTINGS = Map.of(
            "runtimes.rate-limit.requests", Integer.toString(QUOTA),
            "runtimes.rate-limit.requests-window", "1000s",
            "runtimes.rate-limit.replica-heartbeat", HEARTBEAT.toString(),
            "runtimes.rate-limit.replica-timeout", REPLICA_TIMEOUT.toString());
    private static final Pattern REPLICAS =
            Pattern.compile("^runtimes_rate_limit_replicas(?:\\{[^}]*})? ([0-9.]+)$", Pattern.MULTILINE);
    private static final Pattern REMAINING = Pattern.compile("\"requests\";r=([0-9]+);t=[0-9]+");
    private static final Pattern REFUSAL = Pattern.compile(
            "Rate limit of 40 requests per 1000 seconds reached for this API key; retry in [0-9]+ seconds?\\.");

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    @Test
    void twoServersShareEachKeysQuotaAndTheSurvivorTakesItWhole() throws Exception {
        ServerProcess a = servers.start(SETTINGS);
        ServerProcess b = servers.start(SETTINGS);
        awaitCounted(a, b);

        Key flooded = Key.make(a);
        Key other = Key.make(b);
        assertThat(flooded.flood(100, a, b)).as("admitted through both in turn").isBetween(QUOTA, MOST_ADMITTED);
        // The other key has its whole quota: its first request leaves 40 - 1 (estimated across both).
        other.api(a).get(other.path()).then().statusCode(200).header("RateLimit", "\"requests\";r=38;t=50");
        assertThat(other.flood(10, b, a)).isEqualTo(10);
        // A key that only one server sees gets that server's share.
        assertThat(Key.make(a).flood(60, a)).as("admitted through one of two").isBetween(QUOTA / 2, QUOTA / 2 + 2);

        Key midFlood = Key.make(a);
        int admitted = midFlood.flood(10, a, b);
        Instant killed = Instant.now();
        b.close();
        admitted += midFlood.flood(60, a);
        Instant countedOut = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> a.logged("Live replicas sharing the rate limits: 1 (were 2)", killed), Optional::isPresent)
                .orElseThrow();
        // Timed by the survivor's own log line, not by the requests the test made meanwhile.
        Duration takeover = Duration.between(killed, countedOut);
        LOG.infof("The survivor counted the dead server out %d ms after it died", takeover.toMillis());
        assertThat(takeover)
                .as("heartbeat + replica timeout, plus two seconds of scheduling on a loaded machine")
                .isLessThanOrEqualTo(HEARTBEAT.plus(REPLICA_TIMEOUT).plusSeconds(2));
        admitted += midFlood.flood(60, a);
        assertThat(admitted)
                .as("admitted to the key flooded when a server died")
                .isLessThanOrEqualTo(MOST_ADMITTED);
        assertThat(Key.make(a).flood(100, a))
                .as("admitted by the survivor alone")
                .isBetween(QUOTA, MOST_ADMITTED);
    }

    @Test
    void aServerThatJoinsMidFloodStartsWhereTheKeyStands() throws Exception {
        ServerProcess a = servers.start(SETTINGS);
        ServerProcess b = servers.start(SETTINGS);
        awaitCounted(a, b);
        Key flooded = Key.make(a);
        int admitted = flooded.flood(30, a, b);

        ServerProcess c = servers.start(SETTINGS);
        // The newcomer tells what is left across all three: 10, less the 3 tokens its request took.
        Response first = flooded.api(c).get(flooded.path());
        assertThat(first.statusCode()).isEqualTo(200);
        LOG.infof("The newcomer's first answer to the flooded key: %s", first.header("RateLimit"));
        assertThat(remaining(first))
                .as("what the newcomer reports is left")
                .isBetween(QUOTA - 30 - 3 - QUOTA / 10, QUOTA - 30 - 3 + QUOTA / 10);
        admitted += 1 + flooded.flood(100, a, b, c);
        LOG.infof("Admitted to the key flooded across a join: %d of %d", admitted, QUOTA);
        assertThat(admitted)
                .as("admitted to a key flooded through two servers, then three")
                .isBetween(QUOTA - 3, MOST_ADMITTED);
        // The newcomer refuses nothing it should admit: a key only it sees gets its share at once.
        assertThat(Key.make(c).flood(60, c)).as("admitted through one of three").isBetween(QUOTA / 3, QUOTA / 3 + 1);
    }

    @Test
    void aServerThatStopsLeavesWhatItAdmittedSpent() throws Exception {
        ServerProcess a = servers.start(SETTINGS);
        ServerProcess b = servers.start(SETTINGS);
        awaitCounted(a, b);
        Key key = Key.make(a);
        int admitted = key.flood(30, b);

        Instant stopped = Instant.now();
        b.terminate();
        assertThat(b.awaitExit(Duration.ofSeconds(30))).as("the server stopped").isTrue();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> a.logged("Live replicas sharing the rate limits: 1 (were 2)", stopped),
                        Optional::isPresent);
        admitted += key.flood(60, a);
        LOG.infof(
                "Admitted to the key served by a server that stopped, then by the survivor: %d of %d", admitted, QUOTA);
        assertThat(admitted)
                .as("admitted through the server that stopped, then through the survivor")
                .isBetween(QUOTA / 2, MOST_ADMITTED);
    }

    @Test
    void aServerCutOffFromTheDatabaseKeepsLimitingToItsShare() throws Exception {
        try (TcpProxy database = new TcpProxy(new InetSocketAddress("127.0.0.1", ServerProcess.POSTGRESQL_PORT))) {
            Map<String, String> behindProxy = new HashMap<>(SETTINGS);
            behindProxy.put(ServerProcess.JDBC_URL, ServerProcess.jdbcUrl(database.port()));
            // The key stays known without the database; a request the limiter admits fails fast.
            behindProxy.put("runtimes.authentication.cache-ttl", "1000s");
            behindProxy.put("quarkus.datasource.jdbc.acquisition-timeout", "1s");
            ServerProcess a = servers.start(behindProxy);
            ServerProcess b = servers.start(SETTINGS);
            awaitCounted(a, b);
            Key key = Key.make(a);
            key.api(a).get(key.path()).then().statusCode(200);

            database.cut();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> replicas(b) == 1);
            assertThat(1 + key.flood(40, 502, a))
                    .as("admitted by the cut-off server, its answers 502 without the database")
                    .isBetween(QUOTA / 2, QUOTA / 2 + 1);
            assertThat(replicas(a)).as("the count the cut-off server keeps").isEqualTo(2);
            assertThat(a.lines())
                    .anyMatch(line -> line.contains("The replica heartbeat failed")
                            && line.contains("rate limits stay shared by 2 replicas"));

            Instant restored = Instant.now();
            database.restore();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> replicas(b) == 2);
            LOG.infof(
                    "The cut-off server's heartbeat reached the other again %d ms after the database came back",
                    Duration.between(restored, Instant.now()).toMillis());
        }
    }

    /** Waits until each of the servers counts them all as live replicas. */
    private static void awaitCounted(ServerProcess... all) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Arrays.stream(all).allMatch(server -> replicas(server) == all.length));
    }

    /** The requests left that an answer's {@code RateLimit} header reports. */
    private static int remaining(Response answer) {
        Matcher matcher = REMAINING.matcher(answer.header("RateLimit"));
        assertThat(matcher.matches())
                .as("RateLimit: %s", answer.header("RateLimit"))
                .isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** The live replicas the server counted at its last heartbeat, from its Prometheus scrape. */
    private static double replicas(ServerProcess server) {
        return server.metric(REPLICAS);
    }

    /** The API key of an organization of its own. */
    private record Key(String org, String token) {
        static Key make(ServerProcess server) {
            String org = OperatorSurface.organization(server, null);
            return new Key(org, OperatorSurface.ownerKey(server, org));
        }

        RequestSpecification api(ServerProcess server) {
            return given().port(server.port()).header("Authorization", "Bearer " + token);
        }

        String path() {
            return "/api/v1/org/" + org + "/ws/main/runtimes";
        }

        /**
         * Lists the runtimes {@code requests} times through the servers in turn; the requests
         * admitted, each answering 200. Every refusal must be the 429 envelope with
         * {@code Retry-After}.
         */
        int flood(int requests, ServerProcess... through) {
            return flood(requests, 200, through);
        }

        /** {@link #flood(int, ServerProcess...)}, where an admitted request answers {@code admittedStatus}. */
        int flood(int requests, int admittedStatus, ServerProcess... through) {
            int admitted = 0;
            for (int i = 0; i < requests; i++) {
                Response answer = api(through[i % through.length]).get(path());
                assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"requests\";q=40;w=1000");
                if (answer.statusCode() == admittedStatus) {
                    admitted++;
                    continue;
                }
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
                JsonPath body = answer.jsonPath();
                assertThat(body.getMap("")).containsOnlyKeys("code", "type", "detail", "errors");
                assertThat(body.getInt("code")).isEqualTo(429);
                assertThat(body.getString("type")).isEqualTo("rate_limit_error");
                assertThat(body.getString("detail")).matches(REFUSAL);
                assertThat(body.getList("errors")).isNull();
            }
            return admitted;
        }
    }
}
