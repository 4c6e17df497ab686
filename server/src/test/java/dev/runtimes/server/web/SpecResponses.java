package dev.runtimes.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Every documented response of every operation of the spec the server serves, references resolved. */
final class SpecResponses {
    /** Where the server serves the spec from (see application.properties). */
    private static final String SPEC = "META-INF/openapi/runtimes-api.yaml";

    /** One documented response. */
    record Response(String method, String path, JsonNode operation, String status, JsonNode body) {
        boolean documentsHeader(String header) {
            return body.path("headers").path(header).path("$ref").asText().equals("#/components/headers/" + header);
        }

        /** Whether the operation is called with an API key rather than the operator token. */
        boolean apiKeyOperation() {
            return !operation.path("security").toString().contains("operatorToken");
        }

        @Override
        public String toString() {
            return method + " " + path + " " + status;
        }
    }

    private SpecResponses() {}

    static List<Response> all() {
        JsonNode spec = spec();
        List<Response> all = new ArrayList<>();
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
                    all.add(new Response(
                            operation.getKey(),
                            path.getKey(),
                            operation.getValue(),
                            response.getKey(),
                            resolve(spec, response.getValue())));
                }
            }
        }
        return all;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode response) {
        String ref = response.path("$ref").asText("");
        return ref.isEmpty() ? response : spec.at(ref.substring(1));
    }

    /** The served spec, as it is. */
    static JsonNode spec() {
        try (InputStream in = SpecResponses.class.getClassLoader().getResourceAsStream(SPEC)) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
