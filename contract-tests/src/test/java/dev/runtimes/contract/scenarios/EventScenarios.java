package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static dev.runtimes.contract.scenarios.Tenants.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.client.EventFollower;
import dev.runtimes.client.EventParams;
import dev.runtimes.client.RuntimesClient;
import dev.runtimes.client.model.Event;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.Credentials;
import dev.runtimes.contract.harness.DatabaseFaults;
import dev.runtimes.contract.harness.Json;
import dev.runtimes.contract.harness.Outcome;
import dev.runtimes.contract.harness.Target;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code listEvents} and {@code streamEvents}: the feed pages oldest first with a cursor that is
 * always there, filters, follows live and resumes after the last event received, and refuses what
 * the list refuses, before a stream starts.
 */
public interface EventScenarios extends Scenarios {
    Duration WAIT = Duration.ofSeconds(15);

    /** Older than the retention of the local bindings' servers (the default, 7 days). */
    Duration PAST_RETENTION = Duration.ofDays(8);

    /** The packaged server purges every second; in process, the binding runs the purge. */
    Duration PURGED_WITHIN = Duration.ofSeconds(30);

    default Call eventsOf(Tenants.Tenant tenant, String operation) {
        return Call.to(operation)
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .as(tenant.owner().key());
    }

    /** Creates a runtime; its id. */
    private String create(Channel channel, Tenants.Tenant tenant, String key) {
        return send(
                        channel,
                        Call.to("createRuntime")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .as(tenant.owner().key())
                                .body(object("key", key, "name", "Runtime " + key)))
                .hasStatus(201)
                .body()
                .path("id")
                .asText();
    }

    /** The first page of the tenant's events. */
    private JsonNode page(Channel channel, Tenants.Tenant tenant) {
        return send(channel, eventsOf(tenant, "listEvents")).hasStatus(200).body();
    }

    private DatabaseFaults database() {
        org.junit.jupiter.api.Assumptions.assumeTrue(target().database().isPresent(), "no access to the database");
        return target().database().get();
    }

    private List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("items").forEach(item -> keys.add(item.path("runtime_key").asText()));
        return keys;
    }

    @Scenario
    default void eventsArePagedOldestFirstAndTheLastCursorWaitsForWhatHappensLater(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        for (String key : List.of("first", "second", "third")) {
            create(channel, tenant, key);
        }
        JsonNode page = send(channel, eventsOf(tenant, "listEvents").query("limit", 2))
                .hasStatus(200)
                .body();
        assertThat(keys(page)).containsExactly("first", "second");
        assertThat(page.path("items").get(0).path("type").asText()).isEqualTo("runtime.created");
        assertThat(page.path("items").get(0).path("runtime").path("status").asText())
                .isEqualTo("idle");
        JsonNode last = send(
                        channel,
                        eventsOf(tenant, "listEvents")
                                .query("limit", 2)
                                .query("after", page.path("next_cursor").asText()))
                .hasStatus(200)
                .body();
        assertThat(keys(last)).containsExactly("third");
        String end = last.path("next_cursor").asText();
        JsonNode empty = send(channel, eventsOf(tenant, "listEvents").query("after", end))
                .hasStatus(200)
                .body();
        assertThat(keys(empty)).isEmpty();
        assertThat(empty.path("next_cursor").asText()).isNotEmpty();

        create(channel, tenant, "later");
        assertThat(keys(send(channel, eventsOf(tenant, "listEvents").query("after", end))
                        .hasStatus(200)
                        .body()))
                .containsExactly("later");
    }

    @Scenario
    default void eventsAreFilteredByRuntimeAndType(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        create(channel, tenant, "kept");
        create(channel, tenant, "gone");
        send(
                        channel,
                        Call.to("deleteRuntime")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .path("runtime_id", "gone")
                                .as(tenant.owner().key()))
                .hasStatus(204);
        JsonNode gone = send(channel, eventsOf(tenant, "listEvents").query("runtime_id", "gone"))
                .hasStatus(200)
                .body();
        assertThat(gone.path("items")).hasSize(2);
        assertThat(gone.path("items").get(1).path("type").asText()).isEqualTo("runtime.deleted");
        assertThat(gone.path("items").get(1).path("runtime").isNull()).isTrue();
        JsonNode deletions = send(channel, eventsOf(tenant, "listEvents").query("type", "runtime.deleted"))
                .hasStatus(200)
                .body();
        assertThat(keys(deletions)).containsExactly("gone");
    }

    @Scenario
    default void theFeedAndTheStreamRefuseWhatTheListRefusesBeforeAnythingIsSent(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        Tenants.Tenant stranger = tenants().tenant();
        String restricted = tenants()
                .key(
                        tenant.owner().userId(),
                        object(
                                "name",
                                "elsewhere",
                                "org",
                                tenant.org(),
                                "workspace",
                                tenants().workspace(tenant.org())))
                .path("token")
                .asText();
        for (String operation : List.of("listEvents", "streamEvents")) {
            send(channel, eventsOf(tenant, operation).query("after", "AgAAAAAAAAABbm90LXNpZ25lZC1hdC1hbGw"))
                    .isError(400, "invalid_request_error");
            send(channel, eventsOf(tenant, operation).as(Credentials.NONE)).isError(401, "authentication_error");
            send(channel, eventsOf(tenant, operation).as(Credentials.bearer(restricted)))
                    .isError(403, "forbidden_error");
            send(channel, eventsOf(tenant, operation).path("workspace", unique("missing")))
                    .isError(404, "not_found_error");
            send(
                            channel,
                            eventsOf(tenant, operation)
                                    .path("org", stranger.org())
                                    .path("workspace", stranger.workspace()))
                    .isError(404, "not_found_error");
            send(
                            channel,
                            eventsOf(tenant, operation)
                                    .query("type", "runtime.exploded")
                                    .verbatim())
                    .isValidationError("query", "type", "0");
        }
        send(channel, eventsOf(tenant, "listEvents").query("limit", 501)).isValidationError("query", "limit");
        send(channel, eventsOf(tenant, "streamEvents").header("Last-Event-ID", "not-a-cursor"))
                .isError(400, "invalid_request_error");
    }

    /**
     * A cursor from before events the retention deleted is refused by the list and the stream,
     * never skipped over. The events are moved back past the retention in the database, as if that
     * time had passed, and the server's own purge deletes them.
     */
    @Scenario
    default void aCursorFromBeforeThePurgedEventsIsRefusedAsExpired(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        String beforeOld = page(channel, tenant).path("next_cursor").asText();
        String old = create(channel, tenant, "old");
        create(channel, tenant, "new");
        database.ageEvents(old, PAST_RETENTION);
        target().purgeEvents();
        database.awaitEventsDeleted(old, PURGED_WITHIN);

        for (Call expired : List.of(
                eventsOf(tenant, "listEvents").query("after", beforeOld),
                eventsOf(tenant, "streamEvents").query("after", beforeOld),
                eventsOf(tenant, "streamEvents").header("Last-Event-ID", beforeOld))) {
            JsonNode refusal =
                    send(channel, expired).isError(410, "cursor_expired_error").body();
            assertThat(refusal.path("errors").isMissingNode()
                            || refusal.path("errors").isNull())
                    .as("a 410 lists no errors: %s", refusal)
                    .isTrue();
            assertThat(refusal.path("detail").asText()).contains("start again without a cursor");
        }
        assertThat(keys(send(channel, eventsOf(tenant, "listEvents"))
                        .hasStatus(200)
                        .body()))
                .containsExactly("new");
    }

    @Scenario
    default void aFeedStatementThatTimesOutIs504AndASessionEndedIs502(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        create(channel, tenant, "one");
        String cursor = page(channel, tenant).path("next_cursor").asText();
        for (String operation : List.of("listEvents", "streamEvents")) {
            database.whileLocked(
                            "event_sequences",
                            () -> send(channel, eventsOf(tenant, operation).query("after", cursor)))
                    .isError(504, "gateway_timeout_error");
            database.whileSessionTerminated(
                            "event_sequences",
                            () -> send(channel, eventsOf(tenant, operation).query("after", cursor)))
                    .isError(502, "bad_gateway_error");
        }
    }

    /**
     * An event of a type this version does not know, as a newer version writes it during a rolling
     * upgrade or before a rollback, fails the page it is on with the 500 envelope.
     */
    @Scenario
    default void anEventTypeThisVersionDoesNotKnowIs500(Channel channel) {
        DatabaseFaults database = database();
        Tenants.Tenant tenant = tenants().tenant();
        create(channel, tenant, "newer");
        String event = page(channel, tenant).path("items").path(0).path("id").asText();
        database.whileRowHolds(
                        "runtime_events",
                        "type",
                        "sandbox.hibernated",
                        event,
                        List.of(() -> send(channel, eventsOf(tenant, "listEvents"))))
                .forEach(Outcome::isInternalError);
        assertThat(keys(page(channel, tenant)))
                .as("the page once the type is restored")
                .containsExactly("newer");
    }

    /**
     * Follows the stream, as raw Server-Sent Events or through the client's {@code follow}: a change
     * arrives live, and a reader that reconnects after the last event it received gets each later
     * event once.
     */
    @Scenario
    default void theStreamDeliversChangesLiveAndResumesAfterTheLastEventReceived(Channel channel) throws Exception {
        Tenants.Tenant tenant = tenants().tenant();
        String resumeFrom;
        try (Follower live = follower(channel, target(), tenant, null)) {
            create(channel, tenant, "live");
            Follower.Received first = live.next();
            assertThat(first.event().path("type").asText()).isEqualTo("runtime.created");
            assertThat(first.event().path("runtime_key").asText()).isEqualTo("live");
            resumeFrom = first.id();
        }
        create(channel, tenant, "while-away");
        create(channel, tenant, "after-that");
        try (Follower resumed = follower(channel, target(), tenant, resumeFrom)) {
            assertThat(resumed.next().event().path("runtime_key").asText()).isEqualTo("while-away");
            assertThat(resumed.next().event().path("runtime_key").asText()).isEqualTo("after-that");
        }
        target().coverage().record(ContractSpec.get().operation("streamEvents"), 200, channel);
    }

    /**
     * Two servers on one database: an event committed through one reaches a stream open on the
     * other within a second (PostgreSQL's NOTIFY wakes it there), and the other's page lists it once.
     */
    @Scenario
    default void anEventCommittedThroughOneReplicaReachesAStreamOnTheOtherWithinASecond(Channel channel)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(target().replica().isPresent(), "the binding runs one server");
        Target other = target().replica().get();
        Tenants.Tenant tenant = tenants().tenant();
        try (Follower follower = follower(channel, other, tenant, null)) {
            // Received on the other replica: its stream is open from now on.
            create(channel, tenant, "first");
            assertThat(follower.next().event().path("runtime_key").asText()).isEqualTo("first");

            create(channel, tenant, "across");
            long committed = System.nanoTime();
            Follower.Received across = follower.next();
            Duration latency = Duration.ofNanos(System.nanoTime() - committed);
            assertThat(across.event().path("runtime_key").asText()).isEqualTo("across");
            assertThat(latency)
                    .as("from the answer to the create to the event on the other replica")
                    .isLessThan(Duration.ofSeconds(1));
        }
        assertThat(keys(other.send(channel, eventsOf(tenant, "listEvents"))
                        .hasStatus(200)
                        .body()))
                .containsExactly("first", "across");
    }

    private Follower follower(Channel channel, Target server, Tenants.Tenant tenant, String after) throws Exception {
        return channel == Channel.RAW
                ? Follower.raw(server.baseUrl(), tenant, after)
                : Follower.client(server.baseUrl(), tenant, after);
    }

    /** A reader of the stream in one of the two channels' ways. */
    final class Follower implements AutoCloseable {
        record Received(String id, JsonNode event) {}

        private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        private AutoCloseable stop;

        static Follower raw(String baseUrl, Tenants.Tenant tenant, String after) throws Exception {
            Follower follower = new Follower();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                            baseUrl + "/api/v1/org/" + tenant.org() + "/ws/" + tenant.workspace() + "/events/stream"))
                    .header("Authorization", "Bearer " + tenant.owner().token());
            if (after != null) {
                request.header("Last-Event-ID", after);
            }
            HttpResponse<InputStream> answer =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
            BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo(":stream open");
            Thread reader = new Thread(() -> {
                String id = null;
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("id:")) {
                            id = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            follower.received.add(new Received(
                                    id, Json.parse(line.substring(5).trim())));
                        }
                    }
                } catch (java.io.IOException closed) {
                    // The scenario closed the stream.
                }
            });
            reader.setDaemon(true);
            reader.start();
            follower.stop = answer.body();
            return follower;
        }

        static Follower client(String baseUrl, Tenants.Tenant tenant, String after) {
            Follower follower = new Follower();
            RuntimesClient client = RuntimesClient.builder()
                    .baseUrl(baseUrl)
                    .token(tenant.owner().token())
                    .build();
            var events = client.runtimes(tenant.org(), tenant.workspace()).events();
            // From the end of the feed as it is now: a follower that starts later misses nothing.
            String from = after != null
                    ? after
                    : events.list(EventParams.all().limit(500)).getNextCursor();
            EventFollower[] following = new EventFollower[1];
            following[0] = events.follow(
                    EventParams.all().after(from),
                    (Event event) -> follower.received.add(new Received(
                            following[0].lastEventId().orElseThrow(),
                            object("type", event.getType().getValue(), "runtime_key", event.getRuntimeKey()))));
            follower.stop = following[0];
            return follower;
        }

        Received next() throws InterruptedException {
            Received next = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("an event within %s", WAIT).isNotNull();
            return next;
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }
}
