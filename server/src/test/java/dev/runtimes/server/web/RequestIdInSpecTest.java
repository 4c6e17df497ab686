package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract says what the server does: every response documents the X-Request-Id header. */
class RequestIdInSpecTest {
    private static final String HEADER_REF = "#/components/headers/X-Request-Id";

    @Test
    void everyResponseOfEveryOperationDocumentsTheRequestIdHeader() throws IOException {
        JsonNode spec = spec();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                for (Iterator<Map.Entry<String, JsonNode>> responses =
                                operation.getValue().path("responses").fields();
                        responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode resolved = resolve(spec, response.getValue());
                    if (!HEADER_REF.equals(resolved.path("headers")
                            .path("X-Request-Id")
                            .path("$ref")
                            .asText())) {
                        missing.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertThat(spec.path("paths").size()).isPositive();
        assertThat(missing).isEmpty();
    }

    private static JsonNode resolve(JsonNode spec, JsonNode response) {
        String ref = response.path("$ref").asText("");
        return ref.isEmpty() ? response : spec.at(ref.substring(1));
    }

    private static JsonNode spec() throws IOException {
        try (InputStream in = RequestIdInSpecTest.class.getClassLoader().getResourceAsStream(SuccessStatuses.SPEC)) {
            return new YAMLMapper().readTree(in);
        }
    }
}
