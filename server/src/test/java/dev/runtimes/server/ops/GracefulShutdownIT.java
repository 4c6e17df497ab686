package dev.runtimes.server.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while a request is in flight: the server stops taking new requests, lets that one
 * finish with its answer, then exits. The request is made slow for real: the test holds a lock
 * on the runtimes table that the list query has to wait for.
 */
class GracefulShutdownIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Quarkus logs when, past the shutdown delay, requests are still in flight. */
    private static final String WAITING = "Waiting for HTTP requests to complete";

    ServerProcess server;
    String org;
    String apiKey;

    @BeforeEach
    void startServerAndTenant() throws Exception {
        // Readiness turns DOWN for 1 s before the server stops taking requests (5 s in production).
        server = ServerProcess.start(Map.of("quarkus.shutdown.delay", "1s"));
        org = "it-" + UUID.randomUUID().toString().substring(0, 8);
        operator("/api/v1/admin/orgs", Map.of("slug", org, "name", "IT"));
        operator("/api/v1/admin/orgs/" + org + "/workspaces", Map.of("slug", "main", "name", "Main"));
        String user = operator("/api/v1/admin/users", Map.of("name", org + "-owner"))
                .get("id")
                .asText();
        operator("/api/v1/admin/orgs/" + org + "/members", Map.of("user_id", user, "role", "owner"));
        apiKey = operator("/api/v1/admin/users/" + user + "/api-keys", Map.of("name", "it"))
                .get("token")
                .asText();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRequestInFlightAtShutdownCompletesWithItsAnswer() throws Exception {
        try (Connection lock = TableLocks.connect()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table runtimes in access exclusive mode");
            }
            CompletableFuture<HttpResponse<String>> slowList = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(server.uri("/api/v1/org/" + org + "/ws/main/runtimes"))
                                    .header("Authorization", "Bearer " + apiKey)
                                    .header("X-Request-Id", "slow-list")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(10)).until(() -> TableLocks.aQueryWaits(lock, "%from runtimes r%"));

            server.terminate();
            // Shutdown has begun: readiness is DOWN during the delay, after which the server
            // waits for the requests in flight (Quarkus says so in its log) before it stops.
            await().atMost(Duration.ofSeconds(10)).until(() -> server.status("/q/health/ready") == 503);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.lines().stream().anyMatch(line -> line.contains(WAITING)));
            assertThat(slowList).isNotDone();

            lock.rollback();

            HttpResponse<String> answer = slowList.get(15, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("slow-list");
            assertThat(JSON.readTree(answer.body()).get("items").isArray()).isTrue();
        }
        assertThat(server.awaitExit(Duration.ofSeconds(25))).isTrue();
        assertThat(accessLines("slow-list"))
                .singleElement()
                .satisfies(line -> assertThat(line.get("message").asText())
                        .matches("GET /api/v1/org/\\{org}/ws/\\{workspace}/runtimes 200 \\d+ms"));
    }

    /** The access lines of the request, from the server's JSON console output. */
    private List<JsonNode> accessLines(String requestId) throws Exception {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : server.lines()) {
            if (line.startsWith("{")) {
                JsonNode json = JSON.readTree(line);
                if (json.path("loggerName").asText().equals("dev.runtimes.access")
                        && json.path("mdc").path("request_id").asText().equals(requestId)) {
                    lines.add(json);
                }
            }
        }
        return lines;
    }

    private JsonNode operator(String path, Map<String, String> body) throws Exception {
        String answer = given().port(server.port())
                .header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN)
                .contentType("application/json")
                .body(JSON.writeValueAsString(body))
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        return JSON.readTree(answer);
    }
}
