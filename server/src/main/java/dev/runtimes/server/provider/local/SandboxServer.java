package dev.runtimes.server.provider.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The built-in runtime server of a local sandbox: a program of its own, run in a separate JVM with
 * nothing but the JDK on its class path, so it must stay free of dependencies and of nested
 * classes (the provider ships this one class file).
 *
 * <p>It listens on {@code 127.0.0.1:$PORT}. {@code GET /health} answers without credentials; every
 * other path needs {@code Authorization: Bearer <sandbox_token>}, checked against
 * {@code RUNTIMES_SANDBOX_TOKEN_SHA256}, and answers with the sandbox id, its uptime and the
 * runtime's environment variables.
 */
public final class SandboxServer {
    /** The first argument that makes the service's own executable run this program (RuntimesMain). */
    public static final String ARGUMENT = "sandbox-server";

    private static final String BEARER = "Bearer ";

    private SandboxServer() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        String sandboxId = System.getenv().getOrDefault("RUNTIMES_SANDBOX_ID", "");
        String tokenHash = System.getenv().getOrDefault("RUNTIMES_SANDBOX_TOKEN_SHA256", "");
        long started = System.nanoTime();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/health")) {
                answer(exchange, 200, "{\"status\":\"ok\"}");
            } else if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"), tokenHash)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"sandbox\"");
                answer(
                        exchange,
                        401,
                        "{\"error\":\"send the sandbox token as Authorization: Bearer <sandbox_token>\"}");
            } else {
                long uptime = (System.nanoTime() - started) / 1_000_000_000L;
                answer(
                        exchange,
                        200,
                        "{\"sandbox_id\":" + quote(sandboxId) + ",\"uptime_seconds\":" + uptime + ",\"env\":"
                                + runtimeEnv() + "}");
            }
        });
        server.start();
    }

    private static boolean authorized(String authorization, String tokenHash) {
        if (authorization == null || !authorization.startsWith(BEARER) || tokenHash.isEmpty()) {
            return false;
        }
        try {
            byte[] presented = MessageDigest.getInstance("SHA-256")
                    .digest(authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(
                    HexFormat.of().formatHex(presented).getBytes(StandardCharsets.US_ASCII),
                    tokenHash.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** The variables the runtime's configuration set: everything but what the provider adds. */
    private static String runtimeEnv() {
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.keySet().removeIf(name -> name.equals("PATH") || name.equals("PORT") || name.startsWith("RUNTIMES_"));
        return env.entrySet().stream()
                .map(entry -> quote(entry.getKey()) + ":" + quote(entry.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
