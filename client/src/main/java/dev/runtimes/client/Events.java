package dev.runtimes.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.client.api.EventsApi;
import dev.runtimes.client.invoker.ApiClient;
import dev.runtimes.client.model.Event;
import dev.runtimes.client.model.EventPage;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The events of one workspace, oldest first: paged ({@link #list}, {@link #listAll}) or followed as
 * they happen ({@link #follow}). Get it from {@link Runtimes#events()}. Thread-safe.
 */
public final class Events {
    private final Transport transport;
    private final EventsApi api;
    private final ApiClient apiClient;
    private final ErrorDecoder errors;
    private final Sleeper sleeper;
    private final String org;
    private final String workspace;

    Events(
            Transport transport,
            ApiClient apiClient,
            ErrorDecoder errors,
            Sleeper sleeper,
            String org,
            String workspace) {
        this.transport = transport;
        this.api = new EventsApi(apiClient);
        this.apiClient = apiClient;
        this.errors = errors;
        this.sleeper = sleeper;
        this.org = org;
        this.workspace = workspace;
    }

    /**
     * Fetches one page of events. Its {@code next_cursor} is always there: keep it and pass it as
     * {@link EventParams#after} later to get what happened since.
     *
     * @param params filters, page size and where to start
     * @return the page
     * @throws CursorExpiredException when the cursor is older than the events the server keeps
     */
    public EventPage list(EventParams params) {
        return transport.read(headers -> api.listEventsWithHttpInfo(
                org,
                workspace,
                null, // X-Runtimes-Client-Version: RuntimesClient adds it to every request
                params.runtime(),
                params.types().isEmpty() ? null : params.types(),
                params.after(),
                params.limit(),
                headers));
    }

    /**
     * Every event from {@code params}' cursor up to now, fetched a page at a time as the stream
     * reaches them; the first page is fetched before this method returns.
     *
     * @param params filters, page size and where to start
     * @return the events, lazily paged, ending at the first empty page
     */
    public Stream<Event> listAll(EventParams params) {
        EventPage first = list(params);
        Iterator<Event> events = new Iterator<>() {
            EventPage page = first;
            int next;

            @Override
            public boolean hasNext() {
                if (next == page.getItems().size() && !page.getItems().isEmpty()) {
                    page = list(params.after(page.getNextCursor()));
                    next = 0;
                }
                return next < page.getItems().size();
            }

            @Override
            public Event next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.getItems().get(next++);
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Follows the events as they happen on a thread of its own, handing each to {@code handler} in
     * order. A dropped connection is opened again after a pause that doubles up to 30 seconds, with
     * {@code Last-Event-ID}, so no event is lost or handed twice. A refusal (a bad filter or cursor,
     * a cursor expired, no access) ends it; {@link EventFollower#failure()} says which.
     *
     * @param params filters and where to start (without a cursor: from now on)
     * @param handler called with each event, on the follower's thread
     * @return the follower; {@link EventFollower#close()} stops it
     */
    public EventFollower follow(EventParams params, Consumer<Event> handler) {
        ObjectMapper mapper = apiClient.getObjectMapper();
        return EventFollower.start(
                new EventFollower.Connection(apiClient, errors, path(), params), mapper, sleeper, handler);
    }

    /**
     * {@link #follow} as a blocking stream: each element waits for the next event. Close the stream
     * to stop following; a refusal is thrown from the stream.
     *
     * @param params filters and where to start (without a cursor: from now on)
     * @return the events as they happen; close it when done
     */
    public Stream<Event> stream(EventParams params) {
        EventFollower.Queue queue = new EventFollower.Queue();
        EventFollower follower = follow(params, queue::put);
        queue.endWith(follower);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(queue, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(follower::close);
    }

    private String path() {
        return "/api/v1/org/" + org + "/ws/" + workspace + "/events/stream";
    }
}
