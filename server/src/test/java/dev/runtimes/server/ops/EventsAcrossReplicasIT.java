package dev.runtimes.server.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.events.SseClient;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged servers on one database: an event committed through one reaches a stream open on
 * the other within a second, and an automatic pause, which both servers' sweeps go after, is one
 * event.
 */
class EventsAcrossReplicasIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SETTINGS = Map.of("runtimes.expiry.sweep-interval", "1s");

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    @Test
    void anEventCommittedThroughOneReplicaReachesAStreamOnTheOtherWithinASecondAndASweepsPauseIsOneEvent()
            throws Exception {
        ServerProcess a = servers.start(SETTINGS);
        ServerProcess b = servers.start(SETTINGS);
        String org = OperatorSurface.organization(a, 1_000_000L);
        String token = OperatorSurface.ownerKey(a, org);
        String workspace = "/api/v1/org/" + org + "/ws/main";

        try (SseClient stream =
                new SseClient("http://localhost:" + b.port() + workspace + "/events/stream", token, null)) {
            assertThat(stream.answer().statusCode()).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(10)).comment()).isEqualTo("stream open");

            given().port(a.port())
                    .header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body("{\"key\":\"notebook\",\"name\":\"Notebook\"}")
                    .post(workspace + "/runtimes")
                    .then()
                    .statusCode(201);
            long committed = System.nanoTime();
            SseClient.Message created = stream.nextEvent(Duration.ofSeconds(5));
            Duration latency = Duration.ofNanos(System.nanoTime() - committed);
            assertThat(created.event()).isEqualTo("runtime.created");
            assertThat(latency).isLessThan(Duration.ofSeconds(1));

            given().port(a.port())
                    .header("Authorization", "Bearer " + token)
                    .post(workspace + "/runtimes/notebook/start")
                    .then()
                    .statusCode(200);
            assertThat(stream.nextEvent(Duration.ofSeconds(10)).event()).isEqualTo("sandbox.started");
            try {
                given().port(a.port())
                        .header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN)
                        .contentType(ContentType.JSON)
                        .body("{\"credit_balance\":0}")
                        .patch("/api/v1/admin/orgs/" + org)
                        .then()
                        .statusCode(200);
                SseClient.Message paused = stream.nextEvent(Duration.ofSeconds(30));
                assertThat(paused.event()).isEqualTo("sandbox.paused");
                JsonNode event = JSON.readTree(paused.data());
                assertThat(event.get("actor").asText()).isEqualTo("system");
                assertThat(event.get("pause_reason").asText()).isEqualTo("insufficient_credits");
                // Both sweeps have run a few more times; the pause is still one event.
                Thread.sleep(3000);
                assertThat(stream.nextEvent(Duration.ofMillis(500))).isNull();
                List<String> types = given().port(b.port())
                        .header("Authorization", "Bearer " + token)
                        .get(workspace + "/events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.type");
                assertThat(types).containsExactly("runtime.created", "sandbox.started", "sandbox.paused");
            } finally {
                given().port(a.port())
                        .header("Authorization", "Bearer " + token)
                        .delete(workspace + "/runtimes/notebook");
            }
        }
    }
}
