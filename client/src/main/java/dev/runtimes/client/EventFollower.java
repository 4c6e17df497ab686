package dev.runtimes.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.client.invoker.ApiClient;
import dev.runtimes.client.model.Event;
import dev.runtimes.client.model.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A running {@link Events#follow}: reads the Server-Sent Events of {@code streamEvents} and hands
 * each event on, reconnecting with {@code Last-Event-ID} after a dropped connection. Stops on
 * {@link #close()} or on a refusal.
 */
public final class EventFollower implements AutoCloseable {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Connection connection;
    private final ObjectMapper mapper;
    private final Sleeper sleeper;
    private final Consumer<Event> handler;
    private final Thread thread;
    private volatile boolean closed;
    private volatile InputStream open;
    private volatile RuntimesException failure;
    private volatile String lastEventId;

    private EventFollower(Connection connection, ObjectMapper mapper, Sleeper sleeper, Consumer<Event> handler) {
        this.connection = connection;
        this.mapper = mapper;
        this.sleeper = sleeper;
        this.handler = handler;
        this.lastEventId = connection.params.after();
        this.thread = new Thread(this::run, "runtimes-events");
        this.thread.setDaemon(true);
    }

    static EventFollower start(Connection connection, ObjectMapper mapper, Sleeper sleeper, Consumer<Event> handler) {
        EventFollower follower = new EventFollower(connection, mapper, sleeper, handler);
        follower.thread.start();
        return follower;
    }

    /** @return the refusal that ended it, if one did */
    public Optional<RuntimesException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * @return the stream id of the event handed on last (or being handed on): pass it as {@link
     *     EventParams#after} to resume after it later
     */
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    /** @return whether it still follows (not closed, not refused) */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops following; no event is handed on after this returns. */
    @Override
    public void close() {
        closed = true;
        InputStream current = open;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // Closing is all that is wanted.
            }
        }
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            try {
                HttpResponse<InputStream> response = connection.open(lastEventId);
                if (response.statusCode() != 200) {
                    String body;
                    try (InputStream in = response.body()) {
                        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    RuntimesApiException refused =
                            connection.errors.decode(response.statusCode(), response.headers(), body);
                    if (!(refused instanceof ServerErrorException || refused instanceof RateLimitException)) {
                        failure = refused;
                        return;
                    }
                } else {
                    open = response.body();
                    if (read(response.body())) {
                        pause = FIRST_PAUSE;
                    }
                }
            } catch (IOException e) {
                // Dropped: open it again after the pause.
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Reads messages until the stream ends; whether it delivered any line at all. */
    private boolean read(InputStream body) throws IOException {
        boolean any = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
                any = true;
                if (line.startsWith("id:")) {
                    id = value(line, 3);
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(value(line, 5));
                } else if (line.isEmpty() && data != null) {
                    Event event = mapper.readValue(data.toString(), Event.class);
                    if (!closed) {
                        lastEventId = id;
                        handler.accept(event);
                    }
                    id = null;
                    data = null;
                }
            }
        }
        return any;
    }

    private static String value(String line, int start) {
        return line.startsWith(" ", start) ? line.substring(start + 1) : line.substring(start);
    }

    /** How to open the stream of one workspace with one set of filters. */
    static final class Connection {
        private final ApiClient apiClient;
        private final ErrorDecoder errors;
        private final String path;
        private final EventParams params;

        Connection(ApiClient apiClient, ErrorDecoder errors, String path, EventParams params) {
            this.apiClient = apiClient;
            this.errors = errors;
            this.path = path;
            this.params = params;
        }

        HttpResponse<InputStream> open(String lastEventId) throws IOException, InterruptedException {
            List<String> query = new ArrayList<>();
            if (params.runtime() != null) {
                query.add("runtime_id=" + encode(params.runtime()));
            }
            for (EventType type : params.types()) {
                query.add("type=" + encode(type.getValue()));
            }
            String uri = apiClient.getBaseUri() + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                    .header("Accept", "text/event-stream")
                    .GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            if (apiClient.getRequestInterceptor() != null) {
                apiClient.getRequestInterceptor().accept(request);
            }
            return apiClient.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** The events of a follower as an iterator that waits for each; ends when the follower ends. */
    static final class Queue implements Iterator<Event> {
        private static final Event END = new Event();
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private EventFollower follower;
        private Event next;

        void put(Event event) {
            events.add(event);
        }

        void endWith(EventFollower follower) {
            this.follower = follower;
            Thread watcher = new Thread(
                    () -> {
                        try {
                            follower.thread.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        events.add(END);
                    },
                    "runtimes-events-end");
            watcher.setDaemon(true);
            watcher.start();
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = events.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RuntimesException("Interrupted while waiting for an event", e);
                }
            }
            if (next == END) {
                events.add(END);
                follower.failure().ifPresent(failure -> {
                    throw failure;
                });
                return false;
            }
            return true;
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Event event = next;
            next = null;
            return event;
        }
    }
}
