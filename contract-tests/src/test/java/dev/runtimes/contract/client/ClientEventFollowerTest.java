package dev.runtimes.contract.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.client.EventFollower;
import dev.runtimes.client.EventParams;
import dev.runtimes.client.Events;
import dev.runtimes.client.RuntimesClient;
import dev.runtimes.client.Sleeper;
import dev.runtimes.client.model.Event;
import dev.runtimes.contract.client.Tenants.Tenant;
import dev.runtimes.contract.harness.TcpForwarder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client's {@code follow} against the server, booted from its jar on a real port, through a
 * TCP forwarder that drops the stream's connection mid-stream.
 */
@QuarkusTest
class ClientEventFollowerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL server;

    /** The follower's pause before it reconnects: recorded, and held until the test lets it go. */
    static final class HeldPause implements Sleeper {
        final BlockingQueue<Duration> taken = new LinkedBlockingQueue<>();
        final CountDownLatch released = new CountDownLatch(1);

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            taken.add(duration);
            released.await();
        }
    }

    @Test
    void aDroppedStreamIsResumedAfterAPauseWithLastEventIdAndEveryEventArrivesOnceInOrder() throws Exception {
        Tenants tenants = new Tenants(server);
        Tenant tenant = tenants.tenant();
        String from = events(server.toString(), tenant, duration -> {})
                .list(EventParams.all())
                .getNextCursor();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HeldPause pause = new HeldPause();
        try (TcpForwarder forwarder = new TcpForwarder(server.toURI());
                EventFollower follower = events(forwarder.baseUrl(), tenant, pause)
                        .follow(EventParams.all().after(from), (Event event) -> received.add(event.getRuntimeKey()))) {
            tenants.runtime(tenant, "before-1", Map.of());
            tenants.runtime(tenant, "before-2", Map.of());
            assertThat(next(received, 2)).containsExactly("before-1", "before-2");
            String lastReceived = follower.lastEventId().orElseThrow();

            forwarder.cut();
            assertThat(pause.taken.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the pause before reconnecting")
                    .isEqualTo(Duration.ofMillis(500));
            tenants.runtime(tenant, "while-away-1", Map.of());
            tenants.runtime(tenant, "while-away-2", Map.of());
            pause.released.countDown();
            tenants.runtime(tenant, "after", Map.of());
            tenants.runtime(tenant, "last", Map.of());

            assertThat(next(received, 4)).containsExactly("while-away-1", "while-away-2", "after", "last");
            assertThat(received).as("nothing after the last event").isEmpty();
            List<String> heads = forwarder.requestHeads();
            assertThat(heads).as("one connection, then one more after the cut").hasSize(2);
            assertThat(heads.get(1)).containsIgnoringCase("\r\nLast-Event-ID: " + lastReceived + "\r\n");
        }
    }

    private static Events events(String baseUrl, Tenant tenant, Sleeper sleeper) {
        return RuntimesClient.builder()
                .baseUrl(baseUrl)
                .token(tenant.token())
                .sleeper(sleeper)
                .build()
                .runtimes(tenant.org(), tenant.workspace())
                .events();
    }

    /** The next {@code count} runtime keys received, each within {@link #WAIT}. */
    private static List<String> next(BlockingQueue<String> received, int count) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(key)
                    .as("event %s of %s within %s, after %s", i + 1, count, WAIT, keys)
                    .isNotNull();
            keys.add(key);
        }
        return keys;
    }
}
