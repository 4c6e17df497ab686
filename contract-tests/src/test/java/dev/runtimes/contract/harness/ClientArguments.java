package dev.runtimes.contract.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A call's values as the typed client methods take them. For a normal call a value the typed
 * client cannot carry faithfully is a mistake in the scenario (it must be marked verbatim); for a
 * verbatim call such values become placeholders, since the interceptor sends the exact bytes.
 */
final class ClientArguments {
    private static final UUID PLACEHOLDER_ID = new UUID(0, 0);

    /** JSON equality where 3 and 3L are the same number, as they are on the wire. */
    private static final Comparator<JsonNode> SAME_NUMBERS =
            (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private final Call call;
    private final ObjectMapper mapper;

    ClientArguments(Call call, ObjectMapper mapper) {
        this.call = call;
        this.mapper = mapper;
    }

    String path(String name) {
        return call.pathValue(name);
    }

    UUID pathUuid(String name) {
        UUID id = convert(name, call.pathValue(name), UUID::fromString);
        return id == null ? PLACEHOLDER_ID : id;
    }

    /** A request header the typed client takes as a parameter, or {@code null} when the call has none. */
    String header(String name) {
        return call.headerValue(name);
    }

    <T> T query(String name, Function<String, T> type) {
        List<String> values = call.queryValues(name);
        if (values.size() > 1) {
            if (call.isVerbatim()) {
                return null;
            }
            throw new IllegalStateException(name + " is not a repeated parameter: mark the call verbatim()");
        }
        return values.isEmpty() ? null : convert(name, values.get(0), type);
    }

    <T> List<T> queryList(String name, Function<String, T> type) {
        List<String> values = call.queryValues(name);
        if (values.isEmpty()) {
            return null;
        }
        List<T> converted = values.stream().map(v -> convert(name, v, type)).toList();
        return converted.contains(null) ? null : converted;
    }

    /** The body as the client's model; it must write back to the same JSON, or the call is verbatim. */
    <T> T body(Class<T> type) {
        JsonNode json = call.body() == null ? JsonNodeFactory.instance.objectNode() : call.body();
        try {
            T model = mapper.treeToValue(json, type);
            if (!call.isVerbatim() && !json.equals(SAME_NUMBERS, mapper.valueToTree(model))) {
                throw new IllegalStateException("The client's " + type.getSimpleName() + " cannot carry " + json
                        + " as is: mark the call verbatim()");
            }
            return model;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            if (!call.isVerbatim()) {
                throw new IllegalStateException(
                        "The client's " + type.getSimpleName() + " cannot carry " + json + ": mark the call verbatim()",
                        e);
            }
            return mapper.convertValue(JsonNodeFactory.instance.objectNode(), type);
        }
    }

    private <T> T convert(String name, String value, Function<String, T> type) {
        try {
            T converted = type.apply(value);
            if (converted != null && converted.toString().equals(value)) {
                return converted;
            }
        } catch (IllegalArgumentException cannotConvert) {
            // handled below, like a value that converts to something else
        }
        if (!call.isVerbatim()) {
            throw new IllegalStateException(
                    "The typed client cannot send " + name + "=" + value + ": mark the call verbatim()");
        }
        return null;
    }
}
