import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One client on one keep-alive connection, one request at a time; prints "p50_ms p99_ms requests".
 *
 * <p>A request's latency is the time from writing it to reading the last byte of its answer. wrk's
 * --latency percentiles are another figure: wrk adds samples for the requests a client sending at
 * the mean rate would have sent during each stall (a coordinated-omission correction), so for one
 * client every pause becomes a run of synthetic samples. docs/benchmarks.md reports both.
 *
 * <p>Run from the source, no build: {@code java bench/Latency.java host port token path seconds}.
 * A path {@code @file} sends the file's paths (one a line) in turn, round robin. The first two
 * seconds warm this client up and are not counted. It allocates nothing per request.
 */
public class Latency {
    private static final byte[] CONTENT_LENGTH = "\ncontent-length:".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        List<String> paths = args[3].startsWith("@") ? Files.readAllLines(Path.of(args[3].substring(1))) : List.of(args[3]);
        byte[][] requests = paths.stream()
                .map(path -> ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                                + "\r\nAuthorization: Bearer " + args[2] + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
        long measureNanos = (long) (Double.parseDouble(args[4]) * 1e9);
        long[] latencies = new long[2_000_000];
        int count = 0;
        byte[] buffer = new byte[1 << 20];
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long warmUpEnd = System.nanoTime() + 2_000_000_000L;
            long end = warmUpEnd + measureNanos;
            int sent = 0;
            for (long now = System.nanoTime(); now < end && count < latencies.length; sent++) {
                out.write(requests[sent % requests.length]);
                readAnswer(in, buffer);
                long done = System.nanoTime();
                if (now >= warmUpEnd) {
                    latencies[count++] = done - now;
                }
                now = done;
            }
        }
        Arrays.sort(latencies, 0, count);
        System.out.printf(
                "%.3f %.3f %d%n", latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6, count);
    }

    /** Reads one answer with a Content-Length body; refuses any status but 200. */
    private static void readAnswer(InputStream in, byte[] buffer) throws IOException {
        int read = 0;
        int headerEnd = -1;
        while (headerEnd < 0) {
            read = fill(in, buffer, read);
            headerEnd = indexOfBlankLine(buffer, read);
        }
        if (!startsWith(buffer, "HTTP/1.1 200")) {
            throw new IOException(new String(buffer, 0, Math.min(read, 200), StandardCharsets.US_ASCII));
        }
        int total = headerEnd + contentLength(buffer, headerEnd);
        while (read < total) {
            read = fill(in, buffer, read);
        }
    }

    private static int fill(InputStream in, byte[] buffer, int read) throws IOException {
        int n = in.read(buffer, read, buffer.length - read);
        if (n < 0) {
            throw new IOException("the server closed the connection");
        }
        return read + n;
    }

    private static int indexOfBlankLine(byte[] buffer, int length) {
        for (int i = 3; i < length; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int contentLength(byte[] buffer, int headerEnd) throws IOException {
        for (int i = 0; i + CONTENT_LENGTH.length < headerEnd; i++) {
            int j = 0;
            while (j < CONTENT_LENGTH.length && Character.toLowerCase(buffer[i + j]) == CONTENT_LENGTH[j]) {
                j++;
            }
            if (j == CONTENT_LENGTH.length) {
                int value = 0;
                for (int k = i + j; buffer[k] != '\r'; k++) {
                    if (buffer[k] != ' ') {
                        value = value * 10 + (buffer[k] - '0');
                    }
                }
                return value;
            }
        }
        throw new IOException("no Content-Length");
    }

    private static boolean startsWith(byte[] buffer, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
