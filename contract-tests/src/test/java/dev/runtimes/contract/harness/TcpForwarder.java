package dev.runtimes.contract.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on this machine between a client and a server: each connection it accepts is
 * relayed to the server byte for byte, until {@link #cut()} closes them all, as a proxy or a
 * network failure drops a connection mid-stream. It keeps what each connection's client sent, to
 * read the head of its first request.
 */
public final class TcpForwarder implements AutoCloseable {
    private final URI server;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<ByteArrayOutputStream> sent = new CopyOnWriteArrayList<>();

    public TcpForwarder(URI server) {
        this.server = server;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept, "tcp-forwarder");
    }

    /** The base URL that reaches the server through this forwarder. */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The head of the first request of each connection, in the order they were accepted. */
    public List<String> requestHeads() {
        return sent.stream()
                .map(bytes -> {
                    synchronized (bytes) {
                        return bytes.toString(StandardCharsets.ISO_8859_1);
                    }
                })
                .map(text -> text.contains("\r\n\r\n") ? text.substring(0, text.indexOf("\r\n\r\n")) : text)
                .toList();
    }

    /** Closes every connection open now, on both sides. */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(server.getHost(), server.getPort());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                sent.add(bytes);
                open.add(client);
                open.add(upstream);
                daemon(() -> relay(client, upstream, bytes), "tcp-forwarder-up");
                daemon(() -> relay(upstream, client, null), "tcp-forwarder-down");
            } catch (IOException e) {
                // Closed.
            }
        }
    }

    /** Copies what {@code from} receives to {@code to} (and to {@code copy}) until either side closes. */
    private static void relay(Socket from, Socket to, ByteArrayOutputStream copy) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                if (copy != null) {
                    synchronized (copy) {
                        copy.write(buffer, 0, read);
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // Cut, or closed by an end.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is wanted.
        }
    }
}
