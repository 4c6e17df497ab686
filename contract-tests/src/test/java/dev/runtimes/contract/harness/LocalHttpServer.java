package dev.runtimes.contract.harness;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

/**
 * A tiny HTTP server of the JDK that answers every request with what a function says: for
 * showing the suite and the client documents our server does not send (yet), never in place of
 * our server.
 */
public final class LocalHttpServer implements AutoCloseable {
    /** A request as the function sees it. */
    public record Request(String method, String path, String body) {}

    /** An answer; JSON unless another content type is given. */
    public record Answer(int status, String contentType, String body) {
        public Answer(int status, String json) {
            this(status, "application/json", json);
        }
    }

    private final HttpServer server;

    public LocalHttpServer(Function<Request, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = answers.apply(new Request(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            // Like our server, every answer names its request.
            exchange.getResponseHeaders().add("X-Request-Id", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
