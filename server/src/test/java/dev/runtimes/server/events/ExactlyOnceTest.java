package dev.runtimes.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.service.EventFeedService;
import dev.runtimes.server.service.RuntimeRef;
import dev.runtimes.server.service.RuntimeService;
import dev.runtimes.server.tenancy.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Many transactions of one workspace commit at once, some roll back, while a reader follows the
 * feed page by page and a stream follows it live: each sees every committed change exactly once,
 * in one order without a gap, and nothing of a change that rolled back.
 */
@QuarkusTest
class ExactlyOnceTest {
    private static final int WRITERS = 8;
    private static final int CHANGES = 20;

    @Inject
    Tenants tenants;

    @Inject
    RuntimeService runtimes;

    @Inject
    EventFeedService feed;

    @Inject
    EventLog events;

    @Inject
    Runtimes records;

    @Test
    void concurrentWritersAndReadersSeeEveryEventOnceInOrder() throws Exception {
        Tenant tenant = tenants.tenant();
        Caller caller = tenants.caller(tenant, tenant.owner());
        EventFeedService.Feed start = feed.open(caller, null, List.of(), EventFeedService.Start.none());
        ConcurrentLinkedQueue<Long> streamed = new ConcurrentLinkedQueue<>();
        Subscription stream = feed.follow(start, new CollectingSink(streamed));
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<List<Long>> paged = threads.submit(() -> {
                List<Long> seen = new ArrayList<>();
                EventFeedService.Feed position = start;
                go.await();
                while (true) {
                    boolean last = !writing.get();
                    EventFeedService.Page page = feed.page(position, 7);
                    page.events().forEach(event -> seen.add(event.seq()));
                    position = feed.open(
                            caller, null, List.of(), new EventFeedService.Start(page.nextCursor(), "query", "after"));
                    if (last && page.events().isEmpty()) {
                        return seen;
                    }
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String key = "writer-" + w;
                writers.add(threads.submit(() -> {
                    go.await();
                    UUID id = tenants.runtime(tenant, key);
                    for (int i = 0; i < CHANGES; i++) {
                        runtimes.update(
                                caller,
                                new RuntimeRef(tenant.org(), tenant.workspace(), key),
                                new RuntimeService.RuntimeChanges("Change " + i, null, Map.of("n", "" + i)));
                        if (i % 5 == 0) {
                            rolledBack(id);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);

            int total = WRITERS * (1 + CHANGES);
            List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
            assertThat(paged.get(5, TimeUnit.MINUTES)).containsExactlyElementsOf(expected);
            Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> streamed.size() >= total);
            assertThat(new ArrayList<>(streamed)).containsExactlyElementsOf(expected);
            EventFeedService.Page all = feed.page(start, 500);
            assertThat(all.events())
                    .extracting(StoredEvent::actor)
                    .containsOnly(tenant.owner().name());
            assertThat(all.events()).extracting(StoredEvent::actor).doesNotContain("rolled back");
        } finally {
            stream.end();
            threads.shutdownNow();
        }
    }

    /** A change that records its event and then fails: neither it nor its event may be seen. */
    private void rolledBack(UUID runtimeId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Runtime runtime = records.byId(runtimeId, false).orElseThrow();
                runtime.name = "never";
                records.update(runtime);
                events.record(EventType.RUNTIME_UPDATED, runtime, "rolled back", Instant.now());
                throw new IllegalStateException("the change fails after its event");
            });
        } catch (IllegalStateException expected) {
            // The transaction rolled back.
        }
    }

    /** A stream's connection that writes at once and keeps the numbers of the events. */
    private record CollectingSink(ConcurrentLinkedQueue<Long> seqs) implements EventSink {
        @Override
        public CompletionStage<?> send(StoredEvent event) {
            seqs.add(event.seq());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> comment(String text) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public void close() {}
    }
}
