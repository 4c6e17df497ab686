package dev.runtimes.contract.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One request of a scenario, written once and sent by either channel: the operation, its path
 * and query values, the JSON body and the credentials.
 *
 * <p>A call is normally sent by the client through its typed methods, so the client's own
 * request building is under test too. A {@link #verbatim()} call carries something the typed
 * client cannot express (malformed JSON, a string where a number belongs, a bad UUID in the
 * path): the client then sends these exact bytes through its request interceptor, and only its
 * answer handling is under test.
 */
public final class Call {
    private final ContractSpec.Operation operation;
    private final Map<String, String> path = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private JsonNode body;
    private String rawBody;
    private String mediaType = "application/json";
    private Credentials credentials = Credentials.NONE;
    private boolean verbatim;

    private Call(ContractSpec.Operation operation) {
        this.operation = operation;
    }

    public static Call to(String operationId) {
        return new Call(ContractSpec.get().operation(operationId));
    }

    public Call path(String name, Object value) {
        if (!operation.pathParameters().contains(name)) {
            throw new IllegalArgumentException(operation.id() + " has no path parameter " + name);
        }
        path.put(name, String.valueOf(value));
        return this;
    }

    /** A query parameter; several values are sent as a repeated parameter. */
    public Call query(String name, Object... values) {
        List<String> list = query.computeIfAbsent(name, n -> new ArrayList<>());
        Arrays.stream(values).map(String::valueOf).forEach(list::add);
        return this;
    }

    /** A request header the operation documents as a parameter; both channels send it. */
    public Call header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Call body(JsonNode json) {
        this.body = json;
        return this;
    }

    /** A body that is not JSON at all; sent verbatim by both channels. */
    public Call malformedBody(String text) {
        this.rawBody = text;
        this.verbatim = true;
        return this;
    }

    /** A body of another media type than JSON; sent verbatim by both channels. */
    public Call bodyOfType(String mediaType, String text) {
        this.mediaType = mediaType;
        return malformedBody(text);
    }

    public Call as(Credentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /** Both channels send exactly these bytes; see the class comment. */
    public Call verbatim() {
        this.verbatim = true;
        return this;
    }

    public ContractSpec.Operation operation() {
        return operation;
    }

    public String pathValue(String name) {
        return path.get(name);
    }

    public List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    public String headerValue(String name) {
        return headers.get(name);
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public JsonNode body() {
        return body;
    }

    /** The body as it goes on the wire, or {@code null} without one. */
    public String bodyText() {
        return rawBody != null ? rawBody : body == null ? null : body.toString();
    }

    /** The {@code Content-Type} of the body. */
    public String mediaType() {
        return mediaType;
    }

    public Credentials credentials() {
        return credentials;
    }

    public boolean isVerbatim() {
        return verbatim;
    }

    /** The request target: the path with its values filled in, and the query string. */
    public String pathAndQuery() {
        String target = operation.path();
        for (String name : operation.pathParameters()) {
            String value = path.get(name);
            if (value == null) {
                throw new IllegalStateException(operation.id() + " needs the path parameter " + name);
            }
            target = target.replace("{" + name + "}", encode(value));
        }
        StringJoiner queryString = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, values) -> values.forEach(v -> queryString.add(encode(name) + "=" + encode(v))));
        return target + queryString;
    }

    @Override
    public String toString() {
        return operation.method() + " " + pathAndQuery() + (bodyText() == null ? "" : " " + bodyText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
