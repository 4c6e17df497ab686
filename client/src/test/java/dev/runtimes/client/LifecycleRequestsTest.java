package dev.runtimes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimes.client.model.CreateRuntimeRequest;
import dev.runtimes.client.model.StartRuntimeRequest;
import dev.runtimes.client.model.UpdateRuntimeRequest;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle calls of {@link Runtimes} on the wire: method, path, idempotency keys, retries. */
class LifecycleRequestsTest {
    private static final String RUNTIME = "/api/v1/org/acme/ws/research/runtimes/notebook";
    private static final String STARTED =
            "{\"runtime\": " + Json.idleRuntime("notebook") + ", \"sandbox_token\": \"sbx_x\"}";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private CannedServer server;

    @BeforeEach
    void start() throws IOException {
        server = CannedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> calls() {
        CreateRuntimeRequest create = new CreateRuntimeRequest().key("notebook").name("Notebook");
        return Stream.of(
                call(
                        "create",
                        201,
                        Json.idleRuntime("notebook"),
                        "POST",
                        "/api/v1/org/acme/ws/research/runtimes",
                        true,
                        runtimes -> runtimes.create(create)),
                call(
                        "get",
                        200,
                        Json.idleRuntime("notebook"),
                        "GET",
                        RUNTIME,
                        false,
                        runtimes -> runtimes.get("notebook")),
                call(
                        "update",
                        200,
                        Json.idleRuntime("notebook"),
                        "PATCH",
                        RUNTIME,
                        false,
                        runtimes -> runtimes.update("notebook", new UpdateRuntimeRequest().name("Renamed"))),
                call("delete", 204, "", "DELETE", RUNTIME, true, runtimes -> runtimes.delete("notebook")),
                call("start", 200, STARTED, "POST", RUNTIME + "/start", true, runtimes -> runtimes.start("notebook")),
                call(
                        "pause",
                        200,
                        Json.idleRuntime("notebook"),
                        "POST",
                        RUNTIME + "/pause",
                        false,
                        runtimes -> runtimes.pause("notebook")),
                call(
                        "resume",
                        200,
                        Json.idleRuntime("notebook"),
                        "POST",
                        RUNTIME + "/resume",
                        false,
                        runtimes -> runtimes.resume("notebook")),
                call(
                        "reset",
                        200,
                        Json.idleRuntime("notebook"),
                        "POST",
                        RUNTIME + "/reset",
                        true,
                        runtimes -> runtimes.reset("notebook")),
                call(
                        "keepalive",
                        200,
                        "{\"expires_at\": \"2026-11-29T10:00:00Z\"}",
                        "POST",
                        RUNTIME + "/keepalive",
                        false,
                        runtimes -> runtimes.keepalive("notebook", 600)));
    }

    private static Arguments call(
            String name, int status, String body, String method, String path, boolean keyed, Consumer<Runtimes> call) {
        return Arguments.of(name, status, body, method, path, keyed, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void eachCallIsItsDocumentedRequest(
            String name, int status, String body, String method, String path, boolean keyed, Consumer<Runtimes> call) {
        server.answer(status, body);

        call.accept(runtimes());

        CannedServer.Received request = server.requests().get(0);
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.uri().getPath()).isEqualTo(path);
        assertThat(request.header(Transport.IDEMPOTENCY_KEY) != null).isEqualTo(keyed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void keyedCallsAreRetriedWithTheirKeyAndTheOthersSentOnce(
            String name, int status, String body, String method, String path, boolean keyed, Consumer<Runtimes> call) {
        server.error(502, "bad_gateway_error").answer(status, body);

        if (keyed || method.equals("GET")) {
            call.accept(runtimes());
            assertThat(server.requests()).hasSize(2);
            assertThat(server.requests().get(1).header(Transport.IDEMPOTENCY_KEY))
                    .isEqualTo(server.requests().get(0).header(Transport.IDEMPOTENCY_KEY));
        } else {
            assertThatThrownBy(() -> call.accept(runtimes())).isInstanceOf(UpstreamException.class);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void everyCallMakesAKeyOfItsOwnUnlessGivenOne() {
        server.answer(200, Json.idleRuntime("notebook"))
                .answer(200, Json.idleRuntime("notebook"))
                .answer(200, STARTED);

        runtimes().reset("notebook");
        runtimes().reset("notebook");
        runtimes().start("notebook", new StartRuntimeRequest().requestedRuntimeLimitSeconds(7200), "job-42-start");

        List<String> keys = server.requests().stream()
                .map(request -> request.header(Transport.IDEMPOTENCY_KEY))
                .toList();
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1)).matches("[0-9a-f-]{36}");
        assertThat(keys.get(2)).isEqualTo("job-42-start");
    }

    @Test
    void keepaliveReturnsTheNewExpiry() {
        server.answer(200, "{\"expires_at\": \"2026-11-29T10:00:00.000001Z\"}");

        OffsetDateTime expiresAt = runtimes().keepalive("notebook", 600);

        assertThat(expiresAt).isEqualTo(OffsetDateTime.parse("2026-11-29T10:00:00.000001Z"));
    }

    private Runtimes runtimes() {
        return server.client(RetryPolicy.defaults(), sleeper).runtimes("acme", "research");
    }
}
