package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every request body the spec accepts is bounded: each free-form string has a {@code maxLength},
 * each array a {@code maxItems}, each map a {@code maxProperties}. With the body-size limit and the
 * nesting limit, no body can make the server hold more than the spec allows. Each object with
 * properties is closed ({@code additionalProperties: false}), as the server holds it: an unknown
 * member is a 422 {@code unknown_field}, not dropped.
 */
class BodyBoundsInSpecTest {
    private static final Set<String> SELF_BOUNDED_FORMATS = Set.of("uuid", "date-time");

    @Test
    void everyStringArrayAndMapOfEveryRequestBodyHasAnUpperBoundAndEveryObjectIsClosed() {
        JsonNode spec = SpecResponses.spec();
        List<String> unbounded = new ArrayList<>();
        int bodies = 0;
        for (JsonNode path : spec.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.fields(); operations.hasNext(); ) {
                JsonNode operation = operations.next().getValue();
                JsonNode body = operation.path("requestBody").path("content").path("application/json");
                if (!body.isMissingNode()) {
                    bodies++;
                    walk(
                            spec,
                            body.path("schema"),
                            operation.path("operationId").asText(),
                            new HashSet<>(),
                            unbounded);
                }
            }
        }
        assertThat(bodies).isPositive();
        assertThat(unbounded).isEmpty();
    }

    private static void walk(JsonNode spec, JsonNode schema, String where, Set<String> seen, List<String> unbounded) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            if (!seen.add(ref)) {
                return;
            }
            schema = spec.at(ref.substring(1));
        }
        switch (schema.path("type").asText()) {
            case "string" -> {
                if (!schema.has("enum")
                        && !SELF_BOUNDED_FORMATS.contains(schema.path("format").asText())
                        && !schema.has("maxLength")) {
                    unbounded.add(where + ": string without maxLength");
                }
            }
            case "array" -> {
                if (!schema.has("maxItems")) {
                    unbounded.add(where + ": array without maxItems");
                }
                walk(spec, schema.path("items"), where + "[]", seen, unbounded);
            }
            default -> {
                JsonNode values = schema.path("additionalProperties");
                if (schema.has("properties") && !(values.isBoolean() && !values.asBoolean())) {
                    unbounded.add(where + ": object without additionalProperties: false");
                }
                if (values.isObject()) {
                    if (!schema.has("maxProperties")) {
                        unbounded.add(where + ": map without maxProperties");
                    }
                    walk(spec, values, where + "{}", seen, unbounded);
                }
                for (Iterator<Map.Entry<String, JsonNode>> properties =
                                schema.path("properties").fields();
                        properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    walk(spec, property.getValue(), where + "." + property.getKey(), seen, unbounded);
                }
            }
        }
    }
}
