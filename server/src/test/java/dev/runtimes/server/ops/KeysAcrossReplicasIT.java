package dev.runtimes.server.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged servers on one database, each answering from what it last read of a key: a key
 * revoked through one is refused by it at once and by the other within the cache's time to live
 * (docs/operations.md, "Authentication").
 */
class KeysAcrossReplicasIT {
    /** {@code runtimes.authentication.cache-ttl}'s default, the bound docs/operations.md states. */
    private static final Duration CACHE_TTL = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    @Test
    void aKeyRevokedThroughOneReplicaIsRefusedByTheOtherWithinTheCachesTimeToLive() throws Exception {
        ServerProcess a = servers.start(Map.of());
        ServerProcess b = servers.start(Map.of());
        String org = OperatorSurface.organization(a, null);
        JsonPath key = OperatorSurface.ownerApiKey(a, org);
        String list = "/api/v1/org/" + org + "/ws/main/runtimes";

        assertThat(status(a, key, list)).isEqualTo(200);
        assertThat(status(b, key, list)).isEqualTo(200);

        given().port(a.port())
                .header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN)
                .delete("/api/v1/admin/api-keys/" + key.getString("id"))
                .then()
                .statusCode(204);
        long revokedAt = System.nanoTime();
        assertThat(status(a, key, list)).isEqualTo(401);
        await().atMost(CACHE_TTL.plusSeconds(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status(b, key, list) == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThanOrEqualTo(CACHE_TTL.plusSeconds(1));
    }

    private static int status(ServerProcess server, JsonPath key, String path) {
        return given().port(server.port())
                .header("Authorization", "Bearer " + key.getString("token"))
                .get(path)
                .statusCode();
    }
}
