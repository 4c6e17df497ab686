package dev.runtimes.contract.hostile;

import dev.runtimes.contract.harness.ContractSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * One generated request of an operation of the spec, exactly as it goes on the wire, and the
 * mutation that made it hostile.
 *
 * @param path the operation's path parameters, in any order
 * @param query query parameters in the order sent; a name may repeat
 * @param body the bytes of the body, or {@code null} for none
 */
record HostileRequest(
        ContractSpec.Operation operation,
        String mutation,
        List<Param> path,
        List<Param> query,
        List<Param> headers,
        byte[] body) {

    /** The headers as the JDK's client puts them on the wire, which is what the judge must see. */
    HostileRequest {
        headers =
                headers.stream().map(h -> Param.of(h.name(), asSent(h.value()))).toList();
    }

    /** The JDK's client sends a header value in US-ASCII: every other character becomes {@code ?}. */
    private static String asSent(String value) {
        return new String(value.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }

    /**
     * A name and a value. A value marked {@code encoded} is already percent-encoded and goes on
     * the wire as it is (e.g. {@code %FF}, which no string encodes to).
     */
    record Param(String name, String value, boolean encoded) {
        static Param of(String name, String value) {
            return new Param(name, value, false);
        }

        String wire() {
            return encoded
                    ? value
                    : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** The path with its values filled in, percent-encoded. */
    String encodedPath() {
        String target = operation.path();
        for (Param param : path) {
            target = target.replace("{" + param.name() + "}", param.wire());
        }
        return target;
    }

    /** Path and query string, as the request line carries them. */
    String target() {
        StringJoiner queryString = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach(p -> queryString.add(URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "=" + p.wire()));
        return encodedPath() + queryString;
    }

    String header(String name) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Param::value)
                .findFirst()
                .orElse(null);
    }

    /** What was sent, shortened so that a report of many stays readable. */
    @Override
    public String toString() {
        String body = this.body == null ? "" : " body=" + shorten(new String(this.body, StandardCharsets.UTF_8));
        String headerText = headers.stream()
                .map(h -> h.name() + ": " + shorten(h.value()))
                .collect(Collectors.joining(", ", " [", "]"));
        return "[" + mutation + "] " + operation.method() + " " + shorten(target()) + headerText + body;
    }

    static String shorten(String text) {
        String readable = SchemaValues.escape(text);
        return readable.length() <= 300 ? readable : readable.substring(0, 300) + "…(" + text.length() + " chars)";
    }
}
