package dev.runtimes.server.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test's reader of a Server-Sent Events answer: its lines, as they come. */
public final class SseClient implements AutoCloseable {
    /** One message: its id, its event name and its data; a comment has only {@code comment}. */
    public record Message(String id, String event, String data, String comment) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Message END = new Message(null, null, null, null);

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseClient(String url, String token, String lastEventId) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            String id = null, event = null;
            StringBuilder data = null;
            try (Stream<String> lines = answer.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith(":")) {
                        messages.add(
                                new Message(null, null, null, line.substring(1).trim()));
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data = (data == null ? new StringBuilder() : data.append('\n'))
                                .append(line.substring(5).trim());
                    } else if (line.isEmpty() && data != null) {
                        messages.add(new Message(id, event, data.toString(), null));
                        id = null;
                        event = null;
                        data = null;
                    }
                }
            } catch (RuntimeException closed) {
                // The connection was closed under the reader: the messages end here.
            }
            messages.add(END);
        });
    }

    public HttpResponse<Stream<String>> answer() throws Exception {
        return response.get(10, TimeUnit.SECONDS);
    }

    /** The next message within the time, or null at the end of the stream or past the time. */
    public Message next(Duration within) throws InterruptedException {
        Message message = messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        return message == END ? null : message;
    }

    /** The next message that is an event, skipping comments. */
    public Message nextEvent(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Message message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (message == null || message.comment() == null) {
                return message;
            }
        }
    }

    /** The events that came within the time. */
    public List<Message> events(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Message> events = new ArrayList<>();
        while (events.size() < count) {
            Message message = nextEvent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (message == null) {
                break;
            }
            events.add(message);
        }
        return events;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(answer -> answer.body().close());
    }
}
