package dev.runtimes.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP peer on a free local port (the JDK's {@link HttpServer}) that gives canned answers
 * in order and records what it received. It stands in for the server where ours cannot yet
 * produce an answer (429, 502, 504, 426, unknown enum values); the client under test talks plain
 * HTTP to it, as it would to the server.
 */
final class CannedServer implements AutoCloseable {

    /** A request as the server received it. */
    record Received(String method, URI uri, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {}

    static final String TOKEN = "canned-token";

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

    private CannedServer(HttpServer server) {
        this.server = server;
    }

    static CannedServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CannedServer canned = new CannedServer(server);
        server.createContext("/", canned::handle);
        server.start();
        return canned;
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /** A client of this server that records its waits instead of waiting. */
    RuntimesClient client(RetryPolicy policy, Sleeper sleeper) {
        return RuntimesClient.builder()
                .baseUrl(baseUrl())
                .token(TOKEN)
                .retryPolicy(policy)
                .sleeper(sleeper)
                .build();
    }

    /** Queues an answer; {@code headers} are name, value pairs. */
    CannedServer answer(int status, String body, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        synchronized (this) {
            answers.add(new Answer(status, map, body));
        }
        return this;
    }

    /** Queues an error envelope with the given status and type. */
    CannedServer error(int status, String type, String... headers) {
        return answer(status, Json.envelope(status, type, "Canned " + type + "."), headers);
    }

    synchronized List<Received> requests() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        synchronized (this) {
            received.add(
                    new Received(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders()));
            answer = answers.isEmpty() ? new Answer(599, Map.of(), "no canned answer left") : answers.poll();
        }
        exchange.getRequestBody().readAllBytes();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        if (!answer.headers().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
