package dev.runtimes.server.web.traits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The success status of each operation, read from the spec the server serves: an operation that
 * documents one 2xx status answers with it, so a typed resource method that returns its body
 * answers {@code 201} where the spec says {@code 201}.
 */
public final class SuccessStatuses {
    public static final String SPEC = "META-INF/openapi/runtimes-api.yaml";

    private static final Map<String, Integer> BY_OPERATION = read();

    private SuccessStatuses() {}

    /** The one documented 2xx status of the operation, when it documents exactly one. */
    static Optional<Integer> of(String operationId) {
        return Optional.ofNullable(BY_OPERATION.get(operationId));
    }

    private static Map<String, Integer> read() {
        try (InputStream in = SuccessStatuses.class.getClassLoader().getResourceAsStream(SPEC)) {
            JsonNode spec = new YAMLMapper().readTree(in);
            Map<String, Integer> statuses = new HashMap<>();
            for (JsonNode path : spec.path("paths")) {
                for (JsonNode operation : path) {
                    if (operation.has("operationId")) {
                        onlySuccess(operation.path("responses"))
                                .ifPresent(status -> statuses.put(
                                        operation.get("operationId").asText(), status));
                    }
                }
            }
            return Map.copyOf(statuses);
        } catch (IOException e) {
            throw new UncheckedIOException("the served spec " + SPEC + " cannot be read", e);
        }
    }

    private static Optional<Integer> onlySuccess(JsonNode responses) {
        Integer only = null;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2")) {
                if (only != null) {
                    return Optional.empty();
                }
                only = Integer.valueOf(code);
            }
        }
        return Optional.ofNullable(only);
    }
}
