package dev.runtimes.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.events.SseClient.Message;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code streamEvents}: live delivery, resumption exactly after the last event received, keepalive
 * comments, the cut-off of a reader that does not read, and refusals before the stream starts. The
 * keepalive interval and the stream buffer are small here, so that each shows in a test's time.
 */
@QuarkusTest
@TestProfile(EventStreamTest.QuickKeepalive.class)
class EventStreamTest {
    public static class QuickKeepalive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("runtimes.events.keepalive", "300ms", "runtimes.events.stream-buffer", "8");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Tenants tenants;

    @Inject
    Rows rows;

    @TestHTTPResource("/")
    URL server;

    Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = tenants.tenant();
    }

    private String streamUrl(String query) {
        return server + "api/v1/org/" + tenant.org() + "/ws/" + tenant.workspace() + "/events/stream" + query;
    }

    private SseClient open(String query, String lastEventId) throws Exception {
        SseClient client = new SseClient(streamUrl(query), tenant.owner().token(), lastEventId);
        HttpResponse<Stream<String>> answer = client.answer();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(client.next(WAIT).comment()).isEqualTo("stream open");
        return client;
    }

    @Test
    void aChangeReachesAnOpenStreamAsAMessageWithItsCursorTypeAndEvent() throws Exception {
        try (SseClient stream = open("", null)) {
            UUID id = tenants.runtime(tenant, "live");

            Message message = stream.nextEvent(WAIT);

            assertThat(message.event()).isEqualTo("runtime.created");
            JsonNode event = JSON.readTree(message.data());
            assertThat(event.get("type").asText()).isEqualTo("runtime.created");
            assertThat(event.get("runtime_id").asText()).isEqualTo(id.toString());
            assertThat(event.get("runtime").get("key").asText()).isEqualTo("live");
            assertThat(event.get("runtime").get("owned_by_me").asBoolean()).isTrue();
            assertThat(message.id()).isNotBlank();
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdContinuesExactlyAfterIt() throws Exception {
        String lastId;
        try (SseClient stream = open("", null)) {
            tenants.runtime(tenant, "first");
            lastId = stream.nextEvent(WAIT).id();
        }
        tenants.runtime(tenant, "second");
        tenants.runtime(tenant, "third");

        try (SseClient resumed = open("", lastId)) {
            List<Message> events = resumed.events(2, WAIT);
            assertThat(events)
                    .extracting(m -> JSON.readTree(m.data()).get("runtime_key").asText())
                    .containsExactly("second", "third");
            assertThat(resumed.nextEvent(Duration.ofMillis(500))).isNull();
        }
        try (SseClient byQuery = open("?after=" + lastId + "&type=runtime.created&runtime_id=third", null)) {
            assertThat(byQuery.events(1, WAIT))
                    .extracting(m -> JSON.readTree(m.data()).get("runtime_key").asText())
                    .containsExactly("third");
        }
    }

    @Test
    void anIdleStreamGetsAKeepaliveComment() throws Exception {
        try (SseClient stream = open("", null)) {
            assertThat(stream.next(WAIT).comment()).isEqualTo("keepalive");
        }
    }

    @Test
    void refusalsAreAnswersWithTheEnvelopeBeforeTheStreamStarts() throws Exception {
        HttpResponse<String> bad = plain("", tenant.owner().token(), "not-a-cursor");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode envelope = JSON.readTree(bad.body());
        assertThat(envelope.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(envelope.get("errors").get(0).get("loc").toString()).isEqualTo("[\"header\",\"Last-Event-ID\"]");
        assertThat(envelope.get("errors").get(0).get("type").asText()).isEqualTo("invalid_cursor");

        HttpResponse<String> unknownType = plain("?type=nope", tenant.owner().token(), null);
        assertThat(unknownType.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknownType.body())
                        .get("errors")
                        .get(0)
                        .get("type")
                        .asText())
                .isEqualTo("invalid_enum");
        HttpResponse<String> stranger = plain("", "rt_nobody", null);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(stranger.body()).get("type").asText()).isEqualTo("authentication_error");
    }

    private HttpResponse<String> plain(String query, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(streamUrl(query))).header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReaderThatDoesNotReadIsCutOffWithAFinalCommentAndResumesByCursor() throws Exception {
        UUID runtime = tenants.runtime(tenant, "busy");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/org/" + tenant.org() + "/ws/" + tenant.workspace() + "/events/stream HTTP/1.1\r\n"
                            + "Host: localhost\r\nAuthorization: Bearer "
                            + tenant.owner().token() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500);
            // Far more than the socket buffers hold, written at once; the reader reads nothing meanwhile.
            manyEvents(runtime, 3000);
            Thread.sleep(2000);

            List<String> lines = new ArrayList<>();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            socket.setSoTimeout((int) WAIT.toMillis());
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (String line = in.readLine();
                    line != null && !line.equals("0") && System.nanoTime() < deadline;
                    line = in.readLine()) {
                lines.add(line);
            }
            long events = lines.stream().filter(l -> l.startsWith("event:")).count();
            assertThat(events)
                    .as("events read of %s", lines.subList(0, Math.min(lines.size(), 30)))
                    .isLessThan(3000)
                    .isGreaterThan(0);
            assertThat(lines.stream().filter(l -> l.startsWith(":")).reduce((a, b) -> b))
                    .hasValue(":" + Subscription.CUT_OFF);
            String lastId = lines.stream()
                    .filter(l -> l.startsWith("id:"))
                    .reduce((a, b) -> b)
                    .orElseThrow()
                    .substring(3)
                    .trim();
            // Resumed by cursor, as often as this busy machine's reader is cut off again, each event comes once.
            int rest = 3000 - (int) events;
            List<String> received = new ArrayList<>();
            for (int attempt = 0; attempt < 50 && received.size() < rest; attempt++) {
                try (SseClient resumed = open("", lastId)) {
                    for (Message m = resumed.nextEvent(WAIT); m != null; m = resumed.nextEvent(WAIT)) {
                        received.add(m.id());
                        lastId = m.id();
                        if (received.size() == rest) {
                            assertThat(resumed.nextEvent(Duration.ofMillis(500)))
                                    .isNull();
                            break;
                        }
                    }
                }
            }
            assertThat(received).hasSize(rest).doesNotHaveDuplicates();
        }
    }

    /**
     * Events of one runtime with a long description, written straight into the table (the write
     * path is not under test here).
     */
    private void manyEvents(UUID runtimeId, int count) {
        long last = rows.first(
                        "select last_seq from event_sequences where workspace_id = ?",
                        rs -> rs.getLong(1),
                        tenant.workspaceId())
                .orElseThrow();
        String runtime = rows.first(
                        "select runtime from runtime_events where workspace_id = ? and seq = ?",
                        rs -> rs.getString(1),
                        tenant.workspaceId(),
                        last)
                .orElseThrow()
                .replace("\"description\":null", "\"description\":\"" + "x".repeat(4000) + "\"");
        rows.update(
                "insert into runtime_events (workspace_id, seq, id, type, occurred_at, runtime_id, runtime_key, actor,"
                        + " runtime) select ?, ? + g, gen_random_uuid(), 'runtime.updated', now(), ?, 'busy', 'test', ?"
                        + " from generate_series(1, ?) g",
                tenant.workspaceId(),
                last,
                runtimeId,
                runtime,
                count);
        rows.update(
                "update event_sequences set last_seq = ? where workspace_id = ?", last + count, tenant.workspaceId());
        rows.first(
                "select pg_notify('runtime_events', ?)",
                rs -> true,
                tenant.workspaceId().toString());
    }
}
